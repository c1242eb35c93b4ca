package org.mixupsuite.engine;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer's elementwise steps in Java, on ND4J's native buffers in place: the bias (and ReLU)
 * after the product, ReLU's derivative on the way back, and the bias gradient's column sums. Each is
 * one ND4J op of a few microseconds of arithmetic at the GAN's sizes, but the broadcast and the
 * reduction cost ~30 µs a call in ND4J (shape and TAD buffers, op setup), and the GAN makes ~50 of
 * each an iteration. The arithmetic is ND4J's, operation for operation (a float add, a comparison
 * with 0, a product, sums down each column in row order), so the numbers are the same to the bit
 * (DenseKernelsTest). Each method returns false, doing nothing, for an array it does not take (not
 * float, not row-major and contiguous), and the caller uses ND4J's op instead.
 */
final class DenseKernels {

    private static final int ONE = Float.floatToRawIntBits(1f);
    private static final int MINUS_ONE = Float.floatToRawIntBits(-1f);

    private DenseKernels() {
    }

    /** {@code out[r][c] += bias[c]}, then ReLU when asked, as ND4J's: {@code v < 0 ? +0 : v} (-0, NaN stay). */
    static boolean addBias(INDArray out, INDArray bias, boolean relu) {
        if (!rowMajor(out) || !contiguous(bias) || bias.length() != out.size(1)) {
            return false;
        }
        int rows = (int) out.size(0);
        int cols = (int) out.size(1);
        FloatBuffer o = floats(out);
        float[] b = new float[cols];
        floats(bias).get(0, b);
        for (int r = 0; r < rows; r++) {
            int at = r * cols;
            for (int c = 0; c < cols; c++) {
                float v = o.get(at + c) + b[c];
                if (relu) {
                    int bits = Float.floatToRawIntBits(v);
                    v = Float.intBitsToFloat(bits & ~negativeMask(bits));
                }
                o.put(at + c, v);
            }
        }
        return true;
    }

    /*
     * Masks instead of branches: whether an activation is positive is a coin flip, and a branch on
     * it mispredicts half the time (a ReLU's backprop took 2.4 ns an element with a branch, 0.45
     * without, ND4J's relu_bp 1.9). Each is all ones where the float with these bits compares as
     * named, else 0, by one unsigned range test on the bits.
     */

    /** All ones where the float is {@code > 0}: bits 1 (least subnormal) to 0x7f800000 (+inf), not +-0 or NaN. */
    static int positiveMask(int bits) {
        return (int) ((((bits - 1) & 0xffffffffL) - 0x7f800000L) >> 63);
    }

    /** All ones where the float is {@code < 0}: bits 0x80000001 to 0xff800000 (-inf); not -0 or NaN. */
    static int negativeMask(int bits) {
        return (int) ((((bits - 0x80000001) & 0xffffffffL) - 0x7f800000L) >> 63);
    }

    /**
     * {@code delta = error * sign(output)}: the error through a ReLU, from the ReLU's output (never
     * negative, so the sign is a 0/1 mask), as the product with ND4J's sign makes it: the sign of -0
     * and of NaN is 0, and a negative error times 0 is -0.
     */
    static boolean reluDelta(INDArray error, INDArray output, INDArray delta) {
        if (!rowMajor(error) || !rowMajor(output) || !rowMajor(delta) || !error.equalShapes(output)
                || !error.equalShapes(delta)) {
            return false;
        }
        int n = (int) error.length();
        FloatBuffer e = floats(error);
        FloatBuffer o = floats(output);
        FloatBuffer d = floats(delta);
        for (int i = 0; i < n; i++) {
            int out = Float.floatToRawIntBits(o.get(i));
            float sign = Float.intBitsToFloat(positiveMask(out) & ONE | negativeMask(out) & MINUS_ONE);
            d.put(i, e.get(i) * sign);
        }
        return true;
    }

    /** {@code into[c] = sum over rows r of x[r][c]}, each column summed in row order, as ND4J's sum along 0. */
    static boolean columnSums(INDArray x, INDArray into) {
        if (!rowMajor(x) || !contiguous(into) || into.length() != x.size(1)) {
            return false;
        }
        int rows = (int) x.size(0);
        int cols = (int) x.size(1);
        FloatBuffer v = floats(x);
        float[] sums = new float[cols];
        v.get(0, sums); // from the first row, not from 0: ND4J's sum of a lone -0 is -0
        for (int r = 1; r < rows; r++) {
            int at = r * cols;
            for (int c = 0; c < cols; c++) {
                sums[c] += v.get(at + c);
            }
        }
        floats(into).put(0, sums);
        return true;
    }

    /** A float matrix in row-major order without gaps (a c-order array, or the transpose of an f-order one). */
    private static boolean rowMajor(INDArray x) {
        // a stride along an axis of length 1 is never used (ND4J gives a 1 x n row strides 1, 1)
        return x.rank() == 2 && x.dataType() == DataType.FLOAT && (x.size(1) == 1 || x.stride(1) == 1)
                && (x.size(0) == 1 || x.stride(0) == x.size(1)) && x.offset() == x.data().offset();
    }

    /** A float vector (or a 1 x n or n x 1 matrix) whose values lie next to each other. */
    private static boolean contiguous(INDArray x) {
        return x.dataType() == DataType.FLOAT && x.isVectorOrScalar() && x.offset() == x.data().offset()
                && (x.length() == 1 || x.elementWiseStride() == 1);
    }

    /**
     * The array's values from its first one: a view's buffer address is its first value's, while
     * {@code data().asNioFloat()} starts at the whole buffer's start.
     */
    static FloatBuffer floats(INDArray x) {
        FloatPointer p = new FloatPointer((FloatPointer) x.data().addressPointer());
        return p.capacity(x.length()).limit(x.length()).asBuffer();
    }
}
