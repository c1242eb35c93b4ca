package org.mixupsuite.corruptlabels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PreActResNet18Test {

    @Test
    void hasResNet18SizeAndTrainsOnFlatCifarRows() {
        ComputationGraph graph = PreActResNet18.build(3, 32, 32, 10, 0, 0.1, 1);
        // PreAct ResNet-18 for CIFAR-10 has about 11.2 million parameters
        assertEquals(11.2e6, graph.numParams(), 0.1e6);
        Network net = Network.of(graph);
        // the fast engine replaces nothing in a graph: both engines train it alike, by construction
        org.junit.jupiter.api.Assertions.assertInstanceOf(Network.Graph.class, net);
        assertEquals(java.util.List.of(), net.replacements());
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 3 * 32 * 32);
        INDArray y = ImageSet.oneHot(new int[] {3, 7}, 10);
        double loss = net.fit(x, y);
        assertTrue(Double.isFinite(loss) && loss > 0);
        INDArray p = net.output(x);
        assertArrayEquals(new long[] {2, 10}, p.shape());
        assertEquals(1.0, p.getRow(0).sumNumber().doubleValue(), 1e-4);
    }

    @Test
    void dropoutSitsInEveryBlockBetweenItsTwoConvolutions() {
        ComputationGraph graph = PreActResNet18.build(3, 32, 32, 10, 0.7, 0.1, 1);
        var conf = graph.getConfiguration();
        long drops = conf.getVertices().keySet().stream().filter(n -> n.endsWith("_drop")).count();
        assertEquals(8, drops, "one dropout layer in each of the 8 blocks");
        for (String block : conf.getVertices().keySet().stream().filter(n -> n.endsWith("_drop")).toList()) {
            String name = block.substring(0, block.length() - "_drop".length());
            assertEquals(java.util.List.of(name + "_relu2"), conf.getVertexInputs().get(block));
            assertEquals(java.util.List.of(block), conf.getVertexInputs().get(name + "_conv2"));
            var layer = (org.deeplearning4j.nn.conf.layers.DropoutLayer)
                    ((org.deeplearning4j.nn.conf.graph.LayerVertex) conf.getVertices().get(block)).getLayerConf().getLayer();
            assertEquals(0.3, ((org.deeplearning4j.nn.conf.dropout.Dropout) layer.getIDropout()).getP(), 1e-12,
                    "DL4J keeps a unit with probability 1 - p");
        }
        assertEquals(java.util.List.of("pool"), conf.getVertexInputs().get("out"), "no dropout before the classifier");
        ComputationGraph plain = PreActResNet18.build(3, 32, 32, 10, 0, 0.1, 1);
        assertTrue(plain.getConfiguration().getVertices().keySet().stream().noneMatch(n -> n.contains("drop")));
    }
}
