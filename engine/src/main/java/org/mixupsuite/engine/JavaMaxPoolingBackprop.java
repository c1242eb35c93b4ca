package org.mixupsuite.engine;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingHelper;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling's backprop in Java, in place of the layer's oneDNN helper: each window's gradient goes
 * to the first of its largest inputs. oneDNN's helper runs the pooling forward again (to get the
 * positions of the maxima) and reorders the maps into its blocked layout and back, 7% of a quick
 * VGG-11 step; here it is one pass over the input. The forward pass stays DL4J's (its layer does not
 * ask a helper for it). No arithmetic, so the gradient is oneDNN's wherever a window's maximum is
 * unique; where it is not, the inputs tied are the same value, after a ReLU almost always 0, whose
 * gradient the ReLU then stops either way.
 */
final class JavaMaxPoolingBackprop implements SubsamplingHelper {

    /** One example's maps: input, incoming error, outgoing error; kept while they are large enough. */
    private float[] x = new float[0];
    private float[] dy = new float[0];
    private float[] dx = new float[0];

    private JavaMaxPoolingBackprop() {
    }

    /**
     * Puts an instance in place of the helper of every float max-pooling layer among {@code layers}
     * that pools NCHW maps without padding or dilation; returns how many it replaced.
     */
    static int install(Layer[] layers) {
        Optional<HelperField> helper = HelperField.of(SubsamplingLayer.class);
        int replaced = 0;
        for (Layer layer : layers) {
            if (layer.getClass() != SubsamplingLayer.class) {
                continue;
            }
            org.deeplearning4j.nn.conf.layers.SubsamplingLayer conf =
                    (org.deeplearning4j.nn.conf.layers.SubsamplingLayer) layer.conf().getLayer();
            if (conf.getPoolingType() != PoolingType.MAX || conf.getCnn2dDataFormat() != CNN2DFormat.NCHW
                    || conf.getConvolutionMode() == ConvolutionMode.Same
                    || conf.getPadding()[0] != 0 || conf.getPadding()[1] != 0
                    || conf.getDilation()[0] != 1 || conf.getDilation()[1] != 1) {
                continue;
            }
            if (helper.isPresent()) {
                helper.get().set(layer, new JavaMaxPoolingBackprop());
                replaced++;
            }
        }
        return replaced;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, int[] kernel, int[] strides,
            int[] pad, org.deeplearning4j.nn.conf.layers.PoolingType poolingType, ConvolutionMode convolutionMode,
            int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (input.dataType() != DataType.FLOAT || input.rank() != 4 || format != CNN2DFormat.NCHW
                || poolingType != PoolingType.MAX || pad[0] != 0 || pad[1] != 0) {
            return null; // DL4J's own implementation
        }
        int batch = (int) input.size(0);
        int planes = (int) input.size(1); // an example's
        int height = (int) input.size(2);
        int width = (int) input.size(3);
        int outH = (int) epsilon.size(2);
        int outW = (int) epsilon.size(3);
        int block = planes * height * width;
        int outBlock = planes * outH * outW;
        FloatBuffer in = NativeFloats.readable(input);
        FloatBuffer err = NativeFloats.readable(epsilon);
        x = NativeFloats.scratch(x, block);
        dy = NativeFloats.scratch(dy, outBlock);
        dx = NativeFloats.scratch(dx, block);
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        FloatBuffer to = NativeFloats.writable(result);
        boolean twoByTwo = kernel[0] == 2 && kernel[1] == 2 && strides[0] == 2 && strides[1] == 2;
        for (int e = 0; e < batch; e++) {
            in.get(e * block, x, 0, block);
            err.get(e * outBlock, dy, 0, outBlock);
            if (twoByTwo) {
                twoByTwo(planes, height, width, outH, outW);
            } else {
                anyWindow(planes, height, width, outH, outW, kernel, strides);
            }
            to.put(e * block, dx, 0, block);
        }
        return new Pair<>(new DefaultGradient(), result);
    }

    /**
     * 2x2 windows at stride 2, every pooling this suite builds. Written without branches: comparisons
     * of noisy activations are a coin toss for the branch predictor, and with branches this loop took
     * ~19 ns a window. Floats are compared as ints ordered like them ({@link #ordered}), whose max is
     * a conditional move; the gradient is masked in by bits.
     */
    private void twoByTwo(int planes, int height, int width, int outH, int outW) {
        int n = planes * height * width;
        if (outH * 2 != height || outW * 2 != width) {
            Arrays.fill(dx, 0, n, 0f); // rows or columns no window covers
        }
        for (int p = 0; p < planes; p++) {
            for (int oy = 0; oy < outH; oy++) {
                int top = (p * height + 2 * oy) * width;
                int bottom = top + width;
                int g = (p * outH + oy) * outW;
                for (int ox = 0; ox < outW; ox++) {
                    int i = top + 2 * ox;
                    int j = bottom + 2 * ox;
                    int a = ordered(x[i]);
                    int b = ordered(x[i + 1]);
                    int c = ordered(x[j]);
                    int d = ordered(x[j + 1]);
                    int max = Math.max(Math.max(a, b), Math.max(c, d));
                    int grad = Float.floatToRawIntBits(dy[g + ox]);
                    // the first of the largest, in reading order, gets the gradient
                    int toA = allOnesIfEqual(a, max);
                    int toB = allOnesIfEqual(b, max) & ~toA;
                    int toC = allOnesIfEqual(c, max) & ~(toA | toB);
                    int toD = ~(toA | toB | toC);
                    dx[i] = Float.intBitsToFloat(grad & toA);
                    dx[i + 1] = Float.intBitsToFloat(grad & toB);
                    dx[j] = Float.intBitsToFloat(grad & toC);
                    dx[j + 1] = Float.intBitsToFloat(grad & toD);
                }
            }
        }
    }

    /** An int that orders as the float does (negative floats' bits reversed); -0 sorts just below +0. */
    private static int ordered(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    private static int allOnesIfEqual(int u, int v) {
        int d = u ^ v;
        return ~((d | -d) >> 31);
    }

    private void anyWindow(int planes, int height, int width, int outH, int outW, int[] kernel, int[] strides) {
        Arrays.fill(dx, 0, planes * height * width, 0f);
        for (int p = 0; p < planes; p++) {
            int in = p * height * width;
            int out = p * outH * outW;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int top = in + oy * strides[0] * width + ox * strides[1];
                    int best = top;
                    float max = x[top];
                    for (int ky = 0; ky < kernel[0]; ky++) {
                        int row = top + ky * width;
                        for (int kx = 0; kx < kernel[1]; kx++) {
                            if (x[row + kx] > max) {
                                max = x[row + kx];
                                best = row + kx;
                            }
                        }
                    }
                    dx[best] += dy[out + oy * outW + ox];
                }
            }
        }
    }

    @Override
    public INDArray activate(INDArray input, boolean training, int[] kernel, int[] strides, int[] pad,
            org.deeplearning4j.nn.conf.layers.PoolingType poolingType, ConvolutionMode convolutionMode, int[] dilation,
            CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        return null; // not asked in DL4J 1.0.0-M2.1; DL4J's own forward pass if it ever is
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }
}
