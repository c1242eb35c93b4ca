package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SpeechModelsTest {

    /**
     * DL4J's batch-norm layer ignores the activation it is configured with; this caught VGG-11 running
     * without any ReLU between its convolutions. Every batch norm's output must go through a ReLU that
     * takes effect: negative values come out of the batch norm and none out of the block.
     */
    @Test
    void everyBatchNormOfVgg11IsFollowedByAReluThatTakesEffect() {
        MultiLayerNetwork net = SpeechModels.build("vgg11", 40, 50, 30, 8, 0, 1e-3, 7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 40 * 50).subi(0.5);
        // in training mode each layer's output is an array of its own (at inference the ReLU works in place)
        List<INDArray> acts = net.feedForward(x, true);     // acts.get(i + 1) is layer i's output
        int norms = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            if (!(net.getLayer(i).conf().getLayer() instanceof BatchNormalization)) continue;
            norms++;
            INDArray normed = acts.get(i + 1);
            INDArray block = acts.get(i + 2);
            assertTrue(normed.minNumber().doubleValue() < -0.1, "batch norm " + i + " gives negative values");
            assertEquals(0.0, block.minNumber().doubleValue(), 0.0, "layer after batch norm " + i + " is a ReLU");
            assertEquals(normed.gt(0).castTo(DataType.FLOAT).sumNumber().doubleValue(),
                    block.gt(0).castTo(DataType.FLOAT).sumNumber().doubleValue(), 0.0,
                    "the ReLU after batch norm " + i + " keeps the positive values");
        }
        assertEquals(8, norms, "VGG-11 has eight convolutions, each with its batch norm");
    }
}
