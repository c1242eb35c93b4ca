package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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

    /**
     * LeNet's dropout at the paper's 0.5: whole pooled maps of the second convolution are dropped in
     * training (a map is all zeros or none of it is dropped, and about half go), none at inference.
     * It sat on the SubsamplingLayer before, which DL4J ignores: no map was ever dropped.
     */
    @Test
    void lenetDropsWholeMapsOfTheSecondConvolutionInTrainingOnly() {
        MultiLayerNetwork net = SpeechModels.build("lenet", 40, 50, 30, 1, 0.5, 1e-3, 7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 40 * 50);
        int dropoutLayer = -1;
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).conf().getLayer() instanceof DropoutLayer) dropoutLayer = i;
        }
        assertTrue(dropoutLayer > 0, "LeNet with dropout has a dropout layer");
        // the dropout layer's input, the same in both modes (nothing is dropped before it); in training
        // mode the dropout overwrites that array in place, so it is taken from an inference pass
        INDArray pooled = net.feedForward(x, false).get(dropoutLayer).dup();
        INDArray dropped = net.feedForward(x, true).get(dropoutLayer + 1);
        long maps = pooled.size(0) * pooled.size(1);
        int gone = 0;
        for (int e = 0; e < pooled.size(0); e++) {
            for (int c = 0; c < pooled.size(1); c++) {
                INDArray before = pooled.get(NDArrayIndex.point(e), NDArrayIndex.point(c));
                INDArray after = dropped.get(NDArrayIndex.point(e), NDArrayIndex.point(c));
                if (before.sumNumber().doubleValue() == 0) continue;
                if (after.amaxNumber().doubleValue() == 0) {
                    gone++;
                } else {
                    // a kept map is scaled by 1 / keep probability, every value of it
                    assertTrue(after.equalsWithEps(before.mul(2), 1e-5), "a kept map is the whole map, doubled");
                }
            }
        }
        assertTrue(gone > 0.35 * maps && gone < 0.65 * maps, "about half the maps dropped: " + gone + " of " + maps);
        INDArray inference = net.feedForward(x, false).get(dropoutLayer + 1);
        assertTrue(inference.equalsWithEps(net.feedForward(x, false).get(dropoutLayer), 0), "no dropout at inference");
    }
}
