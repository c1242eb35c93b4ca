package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class AdamStepTest {

    @Test
    void stepIsNd4jsAdamOpToTheBit() {
        int n = 20_000;
        Random r = new Random(5);
        INDArray m = Nd4j.zeros(DataType.FLOAT, n);
        INDArray v = Nd4j.zeros(DataType.FLOAT, n);
        float[] jm = new float[n];
        float[] jv = new float[n];
        // the first steps, and steps around 3,606, where Math.pow and C's powf round 0.999^t apart
        int[] iterations = java.util.stream.IntStream.concat(java.util.stream.IntStream.range(0, 40),
                java.util.stream.IntStream.range(3590, 3620)).toArray();
        for (int it : iterations) {
            // gradients from 1e-1 down to 1e-9, some zero, as dead and live units give them
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                g[i] = i % 97 == 0 ? 0f : (float) (r.nextGaussian() * Math.pow(10, -1 - r.nextInt(9)));
            }
            INDArray op = Nd4j.create(g.clone(), new long[] {n});
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(op, v, m, 2e-3, 0.9, 0.999, 1e-8, it));
            AdamStep.step(g, jm, jv, 2e-3, 0.9, 0.999, 1e-8, it);
            assertArrayEquals(op.toFloatVector(), g, 0f, "step at iteration " + it);
            assertArrayEquals(m.toFloatVector(), jm, 0f, "first moment at iteration " + it);
            assertArrayEquals(v.toFloatVector(), jv, 0f, "second moment at iteration " + it);
        }
    }

    @Test
    void appliesToAnAdamBlockWithoutRegularizationOnly() {
        // DenseStack binds it to a network fresh from init(), before any step: the state must be there
        MultiLayerNetwork adam = net(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)));
        assertTrue(AdamStep.of(block(adam)).isPresent());

        MultiLayerNetwork l2 = net(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).l2(1e-4));
        assertFalse(AdamStep.of(block(l2)).isPresent(), "l2 is applied around the updater: left to DL4J");
    }

    @Test
    void applyOnABlockOfSeveralChunksIsTheBlocksOwnUpdate() {
        // 64 x 70 + 70 = 4,550 parameters: three chunks of the Java step
        MultiLayerNetwork reference = wide();
        MultiLayerNetwork java = wide();
        Random r = new Random(9);
        AdamStep step = AdamStep.of(block(java)).orElseThrow();
        for (int it = 0; it < 5; it++) {
            float[] g = new float[(int) reference.numParams()];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (r.nextGaussian() * 1e-2);
            }
            block(reference).getGradientView().assign(Nd4j.create(g, new long[] {g.length}));
            block(java).getGradientView().assign(Nd4j.create(g, new long[] {g.length}));
            block(reference).update(it, 0);
            step.apply(it, 0);
            assertArrayEquals(block(reference).getGradientView().toFloatVector(), block(java).getGradientView().toFloatVector(),
                    0f, "step at iteration " + it);
            assertArrayEquals(block(reference).getUpdaterView().toFloatVector(), block(java).getUpdaterView().toFloatVector(),
                    0f, "Adam's state at iteration " + it);
        }
    }

    private static MultiLayerNetwork wide() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2).updater(new Adam(1e-3))
                .dataType(DataType.FLOAT).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(70)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    private static MultiLayerNetwork net(NeuralNetConfiguration.Builder b) {
        MultiLayerNetwork net = new MultiLayerNetwork(b.dataType(DataType.FLOAT).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    private static UpdaterBlock block(MultiLayerNetwork net) {
        return ((BaseMultiLayerUpdater<?>) net.getUpdater()).getUpdaterBlocks().get(0);
    }
}
