package org.mixupsuite.engine;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code c = alpha op(a) op(b) + beta c} for float matrices, straight into OpenBLAS's
 * {@code cblas_sgemm}: the call libnd4j's matmul op ends in for a column-major result, with the
 * order, transposes and leading dimensions it derives from the arrays' strides, so the numbers are
 * {@link Nd4j#gemm}'s to the bit (GemmTest). It skips what ND4J does around that call, an op context,
 * its shape buffers and their release: ~17 µs a product, a third of a 256 x 128 x 128 product on one
 * core, where the GAN makes ~90 small products an iteration. A row-major result goes through
 * {@link Nd4j#gemm}, as libnd4j hands those to oneDNN's matmul (other bits at some sizes), and so do
 * arrays that libnd4j would copy first (no unit stride along either axis, not float).
 */
final class Gemm {

    private Gemm() {
    }

    /** {@code c = alpha op(a) op(b) + beta c}, into c and returned; c as {@link Nd4j#gemm} takes it. */
    static INDArray into(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha,
            double beta) {
        if (!direct(a) || !direct(b) || !direct(c) || c.ordering() != 'f') {
            return Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
        }
        // op(a) is M x K, op(b) K x N, read through their strides as libnd4j reads the permuted views
        long m = c.size(0);
        long n = c.size(1);
        long k = transposeA ? a.size(0) : a.size(1);
        if ((transposeA ? a.size(1) : a.size(0)) != m || (transposeB ? b.size(1) : b.size(0)) != k
                || (transposeB ? b.size(0) : b.size(1)) != n) {
            throw new IllegalArgumentException("Gemm: shapes " + shape(a, transposeA) + " x " + shape(b, transposeB)
                    + " do not give " + m + " x " + n);
        }
        long aStrideM = a.stride(transposeA ? 1 : 0);
        long aStrideK = a.stride(transposeA ? 0 : 1);
        long bStrideK = b.stride(transposeB ? 1 : 0);
        long bStrideN = b.stride(transposeB ? 0 : 1);
        boolean aM = m == 1 || aStrideM == 1;
        boolean aK = k == 1 || aStrideK == 1;
        boolean bK = k == 1 || bStrideK == 1;
        boolean bN = n == 1 || bStrideN == 1;
        boolean cM = m == 1 || c.stride(0) == 1;
        boolean cN = n == 1 || c.stride(1) == 1;
        if (!aM && !aK || !bK && !bN || !cM && !cN) { // libnd4j copies such an array first
            return Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
        }
        int lda = (int) (aM && aK ? m : !aM ? aStrideM : aStrideK);
        int ldb = (int) (bK && bN ? k : !bK ? bStrideK : bStrideN);
        int ldc = (int) (cM && cN ? m : !cM ? c.stride(0) : c.stride(1));
        cblas_sgemm(cM ? CblasColMajor : CblasRowMajor, aM != cM ? CblasTrans : CblasNoTrans,
                bK != cM ? CblasTrans : CblasNoTrans, (int) m, (int) n, (int) k, (float) alpha, pointer(a), lda,
                pointer(b), ldb, (float) beta, pointer(c), ldc);
        return c;
    }

    /**
     * A 2-D float array whose buffer's address is that of its first value: a view into a network's
     * parameters has a buffer of its own that starts at its offset.
     */
    private static boolean direct(INDArray x) {
        return x.rank() == 2 && x.dataType() == DataType.FLOAT && x.offset() == x.data().offset() && !x.isEmpty();
    }

    private static FloatPointer pointer(INDArray x) {
        return (FloatPointer) x.data().addressPointer();
    }

    private static String shape(INDArray x, boolean transposed) {
        return transposed ? x.size(1) + " x " + x.size(0) : x.size(0) + " x " + x.size(1);
    }
}
