package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GemmTest {

    private static INDArray random(long rows, long cols, char order) {
        return Nd4j.randn(DataType.FLOAT, rows, cols).dup(order);
    }

    /** Every layout and transpose a dense layer's products use, at the GAN's and the MLP's sizes and at vectors. */
    @Test
    void givesNd4jsGemmToTheBitForEveryLayoutAndTranspose() {
        Nd4j.getRandom().setSeed(7);
        int[][] sizes = {{256, 128, 128}, {256, 1, 128}, {128, 2, 256}, {2, 128, 256}, {128, 256, 1}, {64, 512, 784},
                {1, 16, 5}, {16, 1, 1}};
        int compared = 0;
        for (int[] mnk : sizes) {
            int m = mnk[0], n = mnk[1], k = mnk[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (char ao : new char[] {'c', 'f'}) {
                        for (char bo : new char[] {'c', 'f'}) {
                            for (char co : new char[] {'c', 'f'}) {
                                INDArray a = ta ? random(k, m, ao) : random(m, k, ao);
                                INDArray b = tb ? random(n, k, bo) : random(k, n, bo);
                                INDArray start = random(m, n, co);
                                for (double beta : new double[] {0, 1}) {
                                    INDArray expected = Nd4j.gemm(a, b, start.dup(co), ta, tb, 1.0, beta);
                                    INDArray actual = Gemm.into(a, b, start.dup(co), ta, tb, 1.0, beta);
                                    assertArrayEquals(DenseKernelsTest.bits(expected), DenseKernelsTest.bits(actual),
                                            m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " " + ao + bo + co
                                                    + " beta=" + beta);
                                    compared++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(sizes.length * 4 * 8 * 2, compared);
    }

    /** A transposed view (a layer's c-order output written as its f-order transpose) is a target like any other. */
    @Test
    void writesThroughATransposedView() {
        Nd4j.getRandom().setSeed(8);
        INDArray w = random(128, 64, 'c');
        INDArray x = random(32, 128, 'c');
        INDArray out = Nd4j.create(DataType.FLOAT, new long[] {32, 64}, 'c');
        Gemm.into(w, x, out.transpose(), true, true, 1.0, 0.0);
        INDArray expected = Nd4j.create(DataType.FLOAT, new long[] {32, 64}, 'c');
        Nd4j.gemm(w, x, expected.transpose(), true, true, 1.0, 0.0);
        assertArrayEquals(DenseKernelsTest.bits(expected), DenseKernelsTest.bits(out));
        assertEquals(x.mmul(w).getFloat(3, 5), out.getFloat(3, 5), 1e-4f);
    }

    /** Weights and their gradients are views into a network's flat arrays, at an offset. */
    @Test
    void readsAndWritesViewsAtAnOffset() {
        Nd4j.getRandom().setSeed(9);
        INDArray flat = Nd4j.randn(DataType.FLOAT, 1, 200);
        INDArray w = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(16, 16 + 48)).reshape('f', 8, 6);
        INDArray rows = random(20, 8, 'c').get(NDArrayIndex.interval(4, 14), NDArrayIndex.all());
        INDArray gradients = Nd4j.zeros(DataType.FLOAT, 1, 200);
        INDArray into = gradients.get(NDArrayIndex.point(0), NDArrayIndex.interval(100, 160)).reshape('f', 10, 6);
        INDArray expected = Nd4j.gemm(rows, w, Nd4j.create(DataType.FLOAT, new long[] {10, 6}, 'f'), false, false, 1, 0);
        Gemm.into(rows, w, into, false, false, 1.0, 0.0);
        assertArrayEquals(DenseKernelsTest.bits(expected), DenseKernelsTest.bits(into));
        assertEquals(expected.getFloat(0, 0), gradients.getFloat(0, 100)); // written into the flat array
        assertEquals(expected.getFloat(9, 5), gradients.getFloat(0, 159));
        assertEquals(0f, gradients.getFloat(0, 99));
        assertEquals(0f, gradients.getFloat(0, 160));
        assertEquals(rows.mmul(w).getFloat(2, 3), expected.getFloat(2, 3), 1e-5f);
    }

    @Test
    void refusesShapesThatDoNotMultiply() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gemm.into(random(4, 3, 'c'),
                random(4, 5, 'c'), Nd4j.create(DataType.FLOAT, new long[] {4, 5}, 'f'), false, false, 1.0, 0.0));
        assertEquals("Gemm: shapes 4 x 3 x 4 x 5 do not give 4 x 5", e.getMessage());
    }
}
