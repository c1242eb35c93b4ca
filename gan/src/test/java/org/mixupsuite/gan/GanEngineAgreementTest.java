package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixupsuite.core.train.EngineAgreement;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GAN's discriminator under both engines (fit, output, the input gradient the generator learns
 * from): EngineAgreement's float32 bound. The generator's external-error step has no DL4J reference
 * that keeps Adam's moments (engine/README.md); DenseStackTest compares that step with DL4J's.
 */
class GanEngineAgreementTest {

    @Test
    void theDiscriminatorAgreesUnderBothEngines() {
        GanSettings s = GanSettings.of(org.mixupsuite.core.run.Scale.QUICK);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 2L * s.batch(), 2);
        INDArray y = Nd4j.vstack(Nd4j.ones(DataType.FLOAT, s.batch(), 1), Nd4j.zeros(DataType.FLOAT, s.batch(), 1));
        EngineAgreement.Outcome o = EngineAgreement.compare("GAN discriminator",
                () -> GanNetworks.discriminator(s.hidden(), s.layers(), s.init(), 17), x, y, 5);
        o.assertAgrees();
        assertTrue(o.replacements().get(0).startsWith("DenseStack"), o::toString);
    }
}
