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
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 3 * 32 * 32);
        INDArray y = ImageSet.oneHot(new int[] {3, 7}, 10);
        double loss = net.fit(x, y);
        assertTrue(Double.isFinite(loss) && loss > 0);
        INDArray p = net.output(x);
        assertArrayEquals(new long[] {2, 10}, p.shape());
        assertEquals(1.0, p.getRow(0).sumNumber().doubleValue(), 1e-4);
    }
}
