package org.mixupsuite.engine;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalization of NCHW float maps computed in Java, in place of the layer's oneDNN helper.
 * That helper takes the batch mean and variance with ND4J reductions over dimensions (0, 2, 3) and
 * its backprop through libnd4j's batchnorm_bp; together they were a third of a quick VGG-11 step
 * (JFR, one thread), while oneDNN's own batch-norm primitives were a few milliseconds of it. Here a
 * channel's statistics are one pass over its planes (sums in double), the output one more, and the
 * backprop two: the same formulas as DL4J's own layer, summed in another order. Each pass reads the
 * native buffers an example's maps at a time ({@link NativeFloats}).
 *
 * <p>The batch statistics come from the input backprop is handed: the forward pass's, reused while
 * that is the same array, so that backprop after an inference-mode forward pass still uses batch
 * statistics, as DL4J's own layer does.
 */
final class JavaBatchNorm implements BatchNormalizationHelper {

    private INDArray meanCache;
    private INDArray varCache;
    /** The input the statistics below belong to, and the statistics: mean and 1 / sqrt(var + eps). */
    private INDArray statsInput;
    private double[] mean = new double[0];
    private double[] invStd = new double[0];
    /** One example's maps: input, incoming error, output; kept while they are large enough. */
    private float[] x = new float[0];
    private float[] dy = new float[0];
    private float[] out = new float[0];

    private JavaBatchNorm() {
    }

    /**
     * Puts an instance in place of the helper of every batch-norm layer among {@code layers} that
     * normalizes NCHW float maps with learned gamma and beta; returns how many it replaced.
     */
    static int install(Layer[] layers) {
        Optional<HelperField> helper = HelperField.of(BatchNormalization.class);
        int replaced = 0;
        for (Layer layer : layers) {
            if (layer.getClass() != BatchNormalization.class || layer.params() == null
                    || layer.params().dataType() != DataType.FLOAT) {
                continue;
            }
            org.deeplearning4j.nn.conf.layers.BatchNormalization conf =
                    (org.deeplearning4j.nn.conf.layers.BatchNormalization) layer.conf().getLayer();
            if (conf.getCnn2DFormat() != CNN2DFormat.NCHW || conf.isLockGammaBeta()) {
                continue;
            }
            if (helper.isPresent()) {
                helper.get().set(layer, new JavaBatchNorm());
                replaced++;
            }
        }
        return replaced;
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public INDArray preOutput(INDArray input, boolean training, long[] shape, INDArray gamma, INDArray beta,
            INDArray globalMean, INDArray globalVar, double decay, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        if (input.dataType() != DataType.FLOAT || input.rank() != 4 || format != CNN2DFormat.NCHW) {
            return null; // DL4J's own implementation
        }
        int batch = (int) input.size(0);
        int channels = (int) input.size(1);
        int plane = (int) (input.size(2) * input.size(3));
        int block = channels * plane;
        FloatBuffer in = NativeFloats.readable(input);
        x = NativeFloats.scratch(x, block);
        out = NativeFloats.scratch(out, block);
        double[] scale = new double[channels];
        double[] shift = new double[channels];
        float[] g = gamma.reshape(channels).toFloatVector();
        float[] b = beta.reshape(channels).toFloatVector();
        if (training) {
            statistics(in, batch, channels, plane, eps);
            statsInput = input;
            for (int c = 0; c < channels; c++) {
                scale[c] = g[c] * invStd[c];
                shift[c] = b[c] - mean[c] * scale[c];
            }
        } else {
            statsInput = null; // the statistics stay the last training batch's, not this input's
            float[] m = globalMean.reshape(channels).toFloatVector();
            float[] v = globalVar.reshape(channels).toFloatVector();
            for (int c = 0; c < channels; c++) {
                scale[c] = g[c] / Math.sqrt(v[c] + eps);
                shift[c] = b[c] - m[c] * scale[c];
            }
        }
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        FloatBuffer to = NativeFloats.writable(result);
        for (int e = 0; e < batch; e++) {
            in.get(e * block, x, 0, block);
            for (int c = 0; c < channels; c++) {
                float s = (float) scale[c];
                float t = (float) shift[c];
                int from = c * plane;
                for (int i = from; i < from + plane; i++) {
                    out[i] = x[i] * s + t;
                }
            }
            to.put(e * block, out, 0, block);
        }
        return result;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
            INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        if (input.dataType() != DataType.FLOAT || input.rank() != 4 || format != CNN2DFormat.NCHW) {
            return null;
        }
        int batch = (int) input.size(0);
        int channels = (int) input.size(1);
        int plane = (int) (input.size(2) * input.size(3));
        int block = channels * plane;
        FloatBuffer in = NativeFloats.readable(input);
        FloatBuffer err = NativeFloats.readable(epsilon);
        x = NativeFloats.scratch(x, block);
        dy = NativeFloats.scratch(dy, block);
        out = NativeFloats.scratch(out, block);
        if (input != statsInput || mean.length != channels) {
            statistics(in, batch, channels, plane, eps);
            statsInput = input;
        }
        // per channel: sum of dy, and sum of dy * x, from which sum of dy * xHat
        double[] sumDy = new double[channels];
        double[] sumDyX = new double[channels];
        for (int e = 0; e < batch; e++) {
            in.get(e * block, x, 0, block);
            err.get(e * block, dy, 0, block);
            channelSums(dy, x, channels, plane, sumDy, sumDyX);
        }
        float[] g = gamma.reshape(channels).toFloatVector();
        float[] dGamma = new float[channels];
        float[] dBeta = new float[channels];
        double count = (double) batch * plane;
        // dx = gamma * invStd * (dy - mean(dy) - xHat * mean(dy * xHat)), written as a * dy + b * x + c
        float[] a = new float[channels];
        float[] bx = new float[channels];
        float[] c0 = new float[channels];
        for (int c = 0; c < channels; c++) {
            double sumDyXHat = invStd[c] * (sumDyX[c] - mean[c] * sumDy[c]);
            dGamma[c] = (float) sumDyXHat;
            dBeta[c] = (float) sumDy[c];
            double k = g[c] * invStd[c];
            double slope = -k * invStd[c] * sumDyXHat / count;
            a[c] = (float) k;
            bx[c] = (float) slope;
            c0[c] = (float) (-k * sumDy[c] / count - slope * mean[c]);
        }
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        FloatBuffer to = NativeFloats.writable(dx);
        for (int e = 0; e < batch; e++) {
            in.get(e * block, x, 0, block);
            err.get(e * block, dy, 0, block);
            for (int c = 0; c < channels; c++) {
                float ka = a[c];
                float kb = bx[c];
                float kc = c0[c];
                int from = c * plane;
                for (int i = from; i < from + plane; i++) {
                    out[i] = ka * dy[i] + kb * x[i] + kc;
                }
            }
            to.put(e * block, out, 0, block);
        }
        dGammaView.assign(Nd4j.createFromArray(dGamma).reshape(dGammaView.shape()));
        dBetaView.assign(Nd4j.createFromArray(dBeta).reshape(dBetaView.shape()));
        Gradient grad = new DefaultGradient();
        grad.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        grad.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(grad, dx);
    }

    /**
     * Per channel, over examples and positions: the mean, and 1 / sqrt(biased variance + eps), of
     * the input's values {@code in}; and the same as arrays for the layer.
     */
    private void statistics(FloatBuffer in, int batch, int channels, int plane, double eps) {
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        int block = channels * plane;
        for (int e = 0; e < batch; e++) {
            in.get(e * block, x, 0, block);
            channelSums(x, x, channels, plane, sum, sumSq);
        }
        double count = (double) batch * plane;
        mean = new double[channels];
        invStd = new double[channels];
        float[] meanF = new float[channels];
        float[] varianceF = new float[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = sum[c] / count;
            double variance = Math.max(0, sumSq[c] / count - mean[c] * mean[c]);
            invStd[c] = 1 / Math.sqrt(variance + eps);
            meanF[c] = (float) mean[c];
            varianceF[c] = (float) variance;
        }
        try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            // after backprop the layer reads these to move its running mean and variance
            meanCache = Nd4j.createFromArray(meanF);
            varCache = Nd4j.createFromArray(varianceF);
        }
    }

    /**
     * Adds, per channel of one example's maps, the sum of u over the channel's plane to {@code sumU}
     * and that of u * v to {@code sumUV}, in double, four lanes each so that the adds do not all wait
     * on one another.
     */
    private static void channelSums(float[] u, float[] v, int channels, int plane,
                                    double[] sumU, double[] sumUV) {
        for (int c = 0; c < channels; c++) {
            int from = c * plane;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
            int i = from;
            for (int end = from + plane - 3; i < end; i += 4) {
                s0 += u[i];
                s1 += u[i + 1];
                s2 += u[i + 2];
                s3 += u[i + 3];
                p0 += (double) u[i] * v[i];
                p1 += (double) u[i + 1] * v[i + 1];
                p2 += (double) u[i + 2] * v[i + 2];
                p3 += (double) u[i + 3] * v[i + 3];
            }
            for (; i < from + plane; i++) {
                s0 += u[i];
                p0 += (double) u[i] * v[i];
            }
            sumU[c] += (s0 + s1) + (s2 + s3);
            sumUV[c] += (p0 + p1) + (p2 + p3);
        }
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return meanCache;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return varCache;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }
}
