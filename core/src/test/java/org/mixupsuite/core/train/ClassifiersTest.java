package org.mixupsuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ClassifiersTest {

    private static double zeroShare(INDArray a) {
        return a.eq(0).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).meanNumber().doubleValue();
    }

    @Test
    void dropoutMlpDropsHiddenUnitsButNeverAnInputPixel() {
        Nd4j.getRandom().setSeed(3);
        double drop = 0.5;
        MultiLayerNetwork net = Classifiers.mlp(50, new int[] {400, 400}, 10, drop, 1e-3, 7);
        INDArray x = Nd4j.rand(64, 50).addi(0.1);
        INDArray xCopy = x.dup();
        List<INDArray> eval = net.feedForward(x, false);
        // in training mode DL4J hands back each hidden layer's output as the next layer saw it, i.e.
        // after that layer's input dropout: kept units scaled by 1/keep, dropped ones zero
        List<INDArray> train = net.feedForward(x, true);
        assertEquals(xCopy, x, "the input pixels were changed");
        INDArray h = eval.get(1);
        INDArray seen = train.get(1);
        int positive = 0;
        int dropped = 0;
        for (long i = 0; i < h.length(); i++) {
            double hv = h.getDouble(i);
            double sv = seen.getDouble(i);
            if (sv != 0) {
                // a kept unit is the first layer's undisturbed output, scaled: no pixel was dropped before it
                assertEquals(hv / (1 - drop), sv, 1e-4 * Math.max(1, Math.abs(sv)), "element " + i);
            }
            if (hv > 0) {
                positive++;
                dropped += sv == 0 ? 1 : 0;
            }
        }
        double share = (double) dropped / positive;
        assertTrue(share > 0.4 && share < 0.6, "dropped share of active first-layer units " + share);
        // the last hidden layer is thinned before the output layer too
        assertTrue(zeroShare(train.get(2)) > zeroShare(eval.get(2)) + 0.15,
                "last hidden layer: zeros " + zeroShare(train.get(2)) + " training vs " + zeroShare(eval.get(2)) + " inference");
    }

    @Test
    void dropoutIsOnTheInputsOfEveryLayerAfterTheFirstAtTheKeepRateDl4jExpects() {
        MultiLayerNetwork net = Classifiers.mlp(50, new int[] {64, 64}, 10, 0.7, 1e-3, 7);
        org.deeplearning4j.nn.conf.layers.BaseLayer first =
                (org.deeplearning4j.nn.conf.layers.BaseLayer) net.getLayer(0).conf().getLayer();
        assertEquals(null, first.getIDropout(), "first layer's input is the image");
        for (int i = 1; i <= 2; i++) {
            org.deeplearning4j.nn.conf.dropout.Dropout d = (org.deeplearning4j.nn.conf.dropout.Dropout)
                    net.getLayer(i).conf().getLayer().getIDropout();
            assertEquals(0.3, d.getP(), 1e-12, "layer " + i + " keeps 30% of its inputs for dropout 0.7");
        }
        MultiLayerNetwork plain = Classifiers.mlp(50, new int[] {64, 64}, 10, 0, 1e-3, 7);
        for (int i = 0; i <= 2; i++) {
            assertEquals(null, plain.getLayer(i).conf().getLayer().getIDropout());
        }
    }
}
