package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixupsuite.core.train.Classifiers;
import org.mixupsuite.core.train.EngineAgreement;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The MLPs and LeNet of core's Classifiers under both engines: EngineAgreement's float32 bound. */
class EngineAgreementTest {

    private static INDArray inputs(int rows, int columns, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, rows, columns);
    }

    static INDArray oneHot(int rows, int classes) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, classes);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, (i * 7) % classes, 1.0);
        }
        return y;
    }

    @Test
    void theMlpAgrees() {
        EngineAgreement.Outcome o = EngineAgreement.compare("MLP",
                () -> Classifiers.mlp(3 * 16 * 16, new int[] {256, 256}, 10, 0, 1e-3, 11),
                inputs(64, 3 * 16 * 16, 1), oneHot(64, 10), 4);
        o.assertAgrees();
        assertTrue(o.replacements().get(0).startsWith("DenseStack"), o::toString);
    }

    @Test
    void theDropoutMlpAgrees() {
        EngineAgreement.Outcome o = EngineAgreement.compare("dropout MLP",
                () -> Classifiers.mlp(3 * 16 * 16, new int[] {256, 256}, 10, 0.5, 1e-3, 12),
                inputs(64, 3 * 16 * 16, 2), oneHot(64, 10), 4);
        o.assertAgrees();
        assertFalse(o.replacements().isEmpty(), o::toString);
    }

    @Test
    void leNetAgrees() {
        EngineAgreement.Outcome o = EngineAgreement.compare("LeNet",
                () -> Classifiers.lenet(1, 28, 28, 10, 1e-3, 13), inputs(32, 28 * 28, 3), oneHot(32, 10), 3);
        o.assertAgrees();
        assertTrue(o.replacements().stream().anyMatch(r -> r.startsWith("FirstConvolution")), o::toString);
    }
}
