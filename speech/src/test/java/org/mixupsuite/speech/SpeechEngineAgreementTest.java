package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.train.EngineAgreement;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The speech LeNet and VGG-11 at the quick preset's width under both engines: EngineAgreement's float32 bound. */
class SpeechEngineAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {"lenet", "vgg11"})
    void bothEnginesTrainTheQuickModelAlike(String model) {
        ScalePreset q = ScalePreset.of(Scale.QUICK);
        int h = q.features().height();
        int w = q.features().width();
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 16, (long) h * w);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 30);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, (i * 7) % 30, 1.0);
        }
        EngineAgreement.Outcome o = EngineAgreement.compare("speech " + model,
                () -> SpeechModels.build(model, h, w, 30, q.widthDivisor(), 0, 3e-3, 21), x, y, 3);
        o.assertAgrees();
        assertTrue(!o.replacements().isEmpty(), "the fast engine replaces parts of the speech CNNs: " + o);
    }
}
