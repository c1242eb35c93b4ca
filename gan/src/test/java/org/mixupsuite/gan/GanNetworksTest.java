package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The networks start as the authors' PyTorch script's do, from the seed alone. */
class GanNetworksTest {

    private static List<MultiLayerNetwork> both(Initialization init, long seed) {
        return List.of(GanNetworks.generator(2, 64, 3, init, seed), GanNetworks.discriminator(64, 3, init, seed + 1));
    }

    @Test
    void torchDefaultDrawsEveryWeightAndBiasUniformlyWithinOneOverRootFanIn() {
        for (MultiLayerNetwork net : both(Initialization.TORCH_DEFAULT, 11)) {
            for (int i = 0; i < net.getnLayers(); i++) {
                long fanIn = ((FeedForwardLayer) net.getLayer(i).conf().getLayer()).getNIn();
                double bound = 1 / Math.sqrt(fanIn);
                for (String param : List.of("W", "b")) {
                    INDArray v = net.getLayer(i).getParam(param);
                    String what = "layer " + i + " " + param + " (fan_in " + fanIn + ")";
                    double max = v.maxNumber().doubleValue();
                    double min = v.minNumber().doubleValue();
                    assertTrue(max <= bound * (1 + 1e-6) && min >= -bound * (1 + 1e-6), what + ": [" + min + ", " + max + "] beyond ±" + bound);
                    if (v.length() > 1) {
                        assertTrue(max > min, what + ": all equal");
                    }
                    if (v.length() >= 64) {
                        // U(-a, a) fills its range, and |v| averages a / 2: neither a normal nor a narrower uniform
                        assertTrue(max > 0.8 * bound && min < -0.8 * bound, what + ": does not fill ±" + bound);
                        double meanAbs = v.norm1Number().doubleValue() / v.length();
                        assertEquals(0.5, meanAbs / bound, 4 * 0.29 / Math.sqrt(v.length()), what + ": mean |v| / bound");
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameNetworksAndAnotherSeedOthers() {
        List<MultiLayerNetwork> a = both(Initialization.TORCH_DEFAULT, 5);
        List<MultiLayerNetwork> b = both(Initialization.TORCH_DEFAULT, 5);
        List<MultiLayerNetwork> c = both(Initialization.TORCH_DEFAULT, 6);
        for (int k = 0; k < 2; k++) {
            assertEquals(a.get(k).params(), b.get(k).params());
            for (int i = 0; i < a.get(k).getnLayers(); i++) {
                assertNotEquals(a.get(k).getLayer(i).getParam("W"), c.get(k).getLayer(i).getParam("W"), "weights of layer " + i);
                assertNotEquals(a.get(k).getLayer(i).getParam("b"), c.get(k).getLayer(i).getParam("b"), "biases of layer " + i);
            }
        }
    }

    @Test
    void theEarlierHeInitIsStillThereWithZeroBiases() {
        for (MultiLayerNetwork net : both(Initialization.HE, 3)) {
            for (int i = 0; i < net.getnLayers(); i++) {
                assertEquals(0.0, net.getLayer(i).getParam("b").amaxNumber().doubleValue(), "layer " + i);
                assertTrue(net.getLayer(i).getParam("W").amaxNumber().doubleValue() > 0, "layer " + i);
            }
        }
    }
}
