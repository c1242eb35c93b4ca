package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class DenseKernelsTest {

    /** The values where float arithmetic and comparisons part ways: signed zeros, NaN, infinities, subnormals. */
    private static final float[] SPECIAL = {-0.0f, 0.0f, Float.NaN, -1f, 1f, Float.NEGATIVE_INFINITY,
            Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, -3e-39f};

    /** rows x cols of normal values at several scales, with the special values in the first row. */
    private static INDArray values(int rows, int cols, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) { // each row at its own scale, 1e-4 to 1e4
            v[i] = (float) (random.nextGaussian() * Math.pow(10, (i / cols) % 9 - 4));
        }
        INDArray x = Nd4j.create(v, new long[] {rows, cols}, 'c');
        for (int c = 0; c < Math.min(cols, SPECIAL.length); c++) {
            x.putScalar(0, c, SPECIAL[c]);
        }
        return x;
    }

    /** A row of n values inside a longer flat array, as a layer's bias (or its gradient) sits in the network's. */
    private static INDArray rowAtAnOffset(INDArray flat, int from, int n) {
        return flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(from, from + n));
    }

    /** The values' raw bits in c order, so that -0 and NaNs compare exactly. */
    static int[] bits(INDArray x) {
        float[] v = x.dup('c').ravel().toFloatVector();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }

    @Test
    void addsTheBiasAndTheReluAsNd4jDoes() {
        for (boolean relu : new boolean[] {false, true}) {
            INDArray flat = values(1, 300, 1);
            INDArray bias = rowAtAnOffset(flat, 37, 128);
            INDArray expected = values(256, 128, 2);
            INDArray actual = expected.dup('c');
            expected.addiRowVector(bias);
            if (relu) {
                new ActivationReLU().getActivation(expected, true);
            }
            assertTrue(DenseKernels.addBias(actual, bias, relu));
            assertArrayEquals(bits(expected), bits(actual), "relu=" + relu);
        }
        INDArray out = Nd4j.createFromArray(new float[] {-0.0f, Float.NaN, -2f, 3f}).reshape(1, 4);
        DenseKernels.addBias(out, Nd4j.zeros(DataType.FLOAT, 1, 4).negi(), true); // -0 + -0 is -0
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(out.getFloat(0, 0))); // ND4J's ReLU keeps -0
        assertTrue(Float.isNaN(out.getFloat(0, 1)));
        assertEquals(0f, out.getFloat(0, 2));
        assertEquals(3f, out.getFloat(0, 3));
    }

    @Test
    void takesTheErrorThroughTheReluAsTheSignMaskDoes() {
        INDArray output = values(256, 128, 3);
        new ActivationReLU().getActivation(output, true);
        // the error as DenseStack has it: the row-major transpose of a column-major product
        INDArray error = values(128, 256, 4).dup('f').transpose();
        INDArray mask = output.ulike();
        Nd4j.getExecutioner().exec(new Sign(output, mask));
        INDArray expected = error.mul(mask);
        INDArray actual = Nd4j.create(DataType.FLOAT, new long[] {256, 128}, 'c');
        assertTrue(DenseKernels.reluDelta(error, output, actual));
        assertArrayEquals(bits(expected), bits(actual));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(delta(-5f, 0f))); // -5 * 0
        assertEquals(Float.floatToRawIntBits(0.0f), Float.floatToRawIntBits(delta(2f, Float.NaN))); // ND4J's sign(NaN) is 0
        assertTrue(Float.isNaN(delta(Float.NaN, 0f)));
        assertEquals(-5f, delta(-5f, 0.5f));
    }

    /** One error through one ReLU output. */
    private static float delta(float error, float output) {
        INDArray d = Nd4j.create(DataType.FLOAT, 1, 1);
        assertTrue(DenseKernels.reluDelta(Nd4j.createFromArray(error).reshape(1, 1),
                Nd4j.createFromArray(output).reshape(1, 1), d));
        return d.getFloat(0, 0);
    }

    @Test
    void sumsEachColumnInRowOrderAsNd4jDoes() {
        int[][] shapes = {{256, 128}, {256, 1}, {128, 2}, {64, 512}, {1000, 10}, {1, 7}};
        for (int[] s : shapes) {
            INDArray x = values(s[0], s[1], 5 + s[0]);
            INDArray expected = Nd4j.create(DataType.FLOAT, 1, s[1]);
            x.sum(expected, 0);
            INDArray flat = Nd4j.zeros(DataType.FLOAT, 1, s[1] + 20);
            INDArray into = rowAtAnOffset(flat, 11, s[1]);
            assertTrue(DenseKernels.columnSums(x, into), s[0] + " x " + s[1]);
            assertArrayEquals(bits(expected), bits(into), s[0] + " x " + s[1]);
            assertEquals(0f, flat.getFloat(0, 10));
            assertEquals(0f, flat.getFloat(0, 11 + s[1]));
        }
    }

    @Test
    void leavesArraysItDoesNotTakeToNd4j() {
        INDArray columnMajor = values(8, 4, 6).dup('f');
        INDArray before = columnMajor.dup('f');
        assertFalse(DenseKernels.addBias(columnMajor, Nd4j.ones(DataType.FLOAT, 1, 4), true));
        assertFalse(DenseKernels.columnSums(columnMajor, Nd4j.zeros(DataType.FLOAT, 1, 4)));
        assertFalse(DenseKernels.reluDelta(columnMajor, columnMajor, Nd4j.create(DataType.FLOAT, 8, 4)));
        assertFalse(DenseKernels.addBias(values(8, 4, 7).castTo(DataType.DOUBLE), Nd4j.ones(DataType.DOUBLE, 1, 4), false));
        assertFalse(DenseKernels.addBias(values(8, 4, 7), Nd4j.ones(DataType.FLOAT, 1, 5), false));
        assertArrayEquals(bits(before), bits(columnMajor));
    }
}
