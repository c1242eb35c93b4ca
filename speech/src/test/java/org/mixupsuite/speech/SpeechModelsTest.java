package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
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
     * The quick scale's one rule for both models: every width (convolution channels, hidden units)
     * is the paper's divided by the preset's divisor, rounded up. The parameter counts follow from
     * the layers' shapes on the quick input (40 x 50), counted here by hand.
     */
    @Test
    void bothQuickModelsAreThePapersModelsNarrowedByTheSameDivisor() {
        ScalePreset q = ScalePreset.of(org.mixupsuite.core.run.Scale.QUICK);
        int d = q.widthDivisor();
        int h = q.features().height();
        int w = q.features().width();
        assertEquals(40, h);
        assertEquals(50, w);
        MultiLayerNetwork lenet = SpeechModels.build("lenet", h, w, 30, d, q.dropout(), 1e-3, 7);
        MultiLayerNetwork vgg = SpeechModels.build("vgg11", h, w, 30, d, q.dropout(), 1e-3, 7);
        assertEquals(List.of(3, 3, 125, 30), widths(lenet), "LeNet's 20, 20, 1000 over " + d + ", rounded up");
        assertEquals(List.of(8, 16, 32, 32, 64, 64, 64, 64, 64, 30), widths(vgg), "VGG-11's widths over " + d);

        // LeNet: 5x5 convolutions with bias; 40 x 50 -> 36 x 46 -> pool 18 x 23 -> 14 x 19 -> pool 7 x 9
        int c = 3;
        int hidden = 125;
        long lenetCount = (25L * c + c) + (25L * c * c + c) + ((long) c * 7 * 9 * hidden + hidden) + (hidden * 30L + 30);
        assertEquals(lenetCount, lenet.numParams());
        // VGG-11: 3x3 convolutions without bias, each with a batch norm (DL4J counts gamma, beta, mean
        // and variance); five pools take 40 x 50 to 1 x 1
        int[] channels = {8, 16, 32, 32, 64, 64, 64, 64};
        long vggCount = 0;
        int in = 1;
        for (int out : channels) {
            vggCount += 9L * in * out + 4L * out;
            in = out;
        }
        vggCount += (64L * 64 + 64) + (64L * 30 + 30);
        assertEquals(vggCount, vgg.numParams());
        assertEquals(27_836, lenet.numParams());
        assertEquals(151_558, vgg.numParams());
    }

    @Test
    void atDivisorOneTheModelsHaveThePapersWidths() {
        assertEquals(List.of(20, 20, 1000, 30), widths(SpeechModels.build("lenet", 40, 50, 30, 1, 0.5, 1e-3, 7)));
        assertEquals(List.of(64, 128, 256, 256, 512, 512, 512, 512, 512, 30),
                widths(SpeechModels.build("vgg11", 40, 50, 30, 1, 0, 1e-3, 7)));
    }

    /** nOut of every convolution and dense layer, in order. */
    private static List<Integer> widths(MultiLayerNetwork net) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).conf().getLayer() instanceof FeedForwardLayer f && !(f instanceof BatchNormalization)
                    && !(f instanceof DropoutLayer)) {
                out.add((int) f.getNOut());
            }
        }
        return out;
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
