package org.mixupsuite.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's first layer, when it is a convolution, without the gradient with respect to the
 * network's input while {@code fit} trains. DL4J's backprop computes every layer's input gradient,
 * the first layer's too, and {@code fit} then drops that one (MultiLayerNetwork keeps it only when
 * asked for input gradients). On oneDNN it is the dearest operation of a speech LeNet step: the
 * backward-data pass of a 1-channel 40 x 50 input took 27 ms of the layer's 37 ms backprop, its
 * weight gradient 2 ms (oneDNN's verbose log, one thread, batch 64).
 *
 * <p>It stands in for the layer's helper (oneDNN's, or none): forward passes go to that helper
 * unchanged. While {@link #skipInputGradient} is on, backprop makes the weight and bias gradients
 * as DL4J's own layer does (patches, one matrix product, a sum) and hands back an uninitialized
 * array in place of the input gradient, which fit discards. Off, backprop is the helper's or DL4J's.
 * The weight gradient is the same sum in another order, so training rounds differently from oneDNN.
 */
final class FirstConvolution implements ConvolutionHelper {

    private final ConvolutionHelper delegate;
    private boolean skip;
    /** The last step's scratch arrays, reused while the shapes stay (a step allocated ~20 MB before). */
    private float[] cols;
    private INDArray patches;
    private INDArray delta2d;

    private FirstConvolution(ConvolutionHelper delegate) {
        this.delegate = delegate;
    }

    /**
     * Puts itself in place of the first layer's helper where that layer is a plain 2-D float
     * convolution in NCHW with explicit padding and no dilation (every convolution this suite
     * builds); else empty.
     */
    static Optional<FirstConvolution> install(MultiLayerNetwork net) {
        Layer first = net.getLayers().length == 0 ? null : net.getLayer(0);
        // float only: the patches are built through float arrays
        if (first == null || first.getClass() != ConvolutionLayer.class || net.params().dataType() != DataType.FLOAT) {
            return Optional.empty();
        }
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf =
                (org.deeplearning4j.nn.conf.layers.ConvolutionLayer) first.conf().getLayer();
        if (conf.getCnn2dDataFormat() != CNN2DFormat.NCHW || conf.getConvolutionMode() == ConvolutionMode.Same
                || conf.getDilation()[0] != 1 || conf.getDilation()[1] != 1) {
            return Optional.empty();
        }
        // another DL4J version, without the field: keep its own backprop
        return HelperField.of(ConvolutionLayer.class).map(helper -> {
            FirstConvolution replacement = new FirstConvolution((ConvolutionHelper) helper.get(first));
            helper.set(first, replacement);
            return replacement;
        });
    }

    /** On for fit's steps, whose input gradient nobody reads; off for anything that returns it. */
    void skipInputGradient(boolean on) {
        skip = on;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
            int[] kernel, int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView, IActivation afn,
            AlgoMode mode, BwdFilterAlgo bwdFilterAlgo, BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode,
            int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!skip) {
            // DL4J hands a helper that is not oneDNN's a dummy bias gradient when there is no bias; oneDNN's fails on it
            return delegate == null ? null : delegate.backpropGradient(input, weights, bias, delta, kernel, strides,
                    pad, bias == null ? null : biasGradView, weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode,
                    dilation, format, workspaceMgr);
        }
        int batch = (int) input.size(0);
        int channels = (int) weights.size(1);
        int maps = (int) weights.size(0);
        int kH = (int) weights.size(2);
        int kW = (int) weights.size(3);
        int positions = (int) (delta.size(2) * delta.size(3));
        // the weight gradient as one product over every example and output position:
        // patches [channel * ky * kx, example * position] times delta as [map, example * position]
        INDArray patches = patches(input, kH, kW, (int) delta.size(2), (int) delta.size(3), strides, pad);
        long[] deltaShape = {maps, (long) batch * positions};
        if (delta2d == null || !Arrays.equals(delta2d.shape(), deltaShape)) {
            delta2d = Nd4j.createUninitializedDetached(delta.dataType(), 'c', deltaShape);
        }
        delta2d.reshape('c', maps, batch, positions).assign(delta.reshape('c', batch, maps, positions).permute(1, 0, 2));
        // (patches delta^T) is the transposed weight gradient: written through the f-order view of it
        INDArray weightGrad2d = Shape.newShapeNoCopy(weightGradView, new long[] {maps, (long) channels * kH * kW}, false);
        Nd4j.gemm(patches, delta2d, weightGrad2d.transpose(), false, true, 1.0, 0.0);
        Gradient g = new DefaultGradient();
        if (biasGradView != null) {
            delta2d.sum(biasGradView, 1);
            g.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        g.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
        INDArray unread = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        return new Pair<>(g, unread);
    }

    /**
     * im2col in Java, in the layout the product wants (ND4J's im2col into a permuted view took 57 ms
     * for a speech LeNet batch; this takes a few): row (channel, ky, kx), column (example, y, x);
     * positions in the padding read 0.
     */
    private INDArray patches(INDArray input, int kH, int kW, int outH, int outW, int[] strides, int[] pad) {
        int batch = (int) input.size(0);
        int channels = (int) input.size(1);
        int height = (int) input.size(2);
        int width = (int) input.size(3);
        float[] x = input.dup('c').data().asFloat();
        int columns = batch * outH * outW;
        long[] shape = {(long) channels * kH * kW, columns};
        if (patches == null || !Arrays.equals(patches.shape(), shape)) {
            // positions in the padding are never written, so they keep the 0 they start with
            cols = new float[channels * kH * kW * columns];
            patches = Nd4j.createUninitializedDetached(input.dataType(), 'c', shape);
        }
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kH; ky++) {
                for (int kx = 0; kx < kW; kx++) {
                    int row = ((c * kH + ky) * kW + kx) * columns;
                    for (int b = 0; b < batch; b++) {
                        int image = (b * channels + c) * height;
                        for (int y = 0; y < outH; y++) {
                            int iy = y * strides[0] + ky - pad[0];
                            int to = row + (b * outH + y) * outW;
                            if (iy < 0 || iy >= height) {
                                continue; // a row of padding
                            }
                            int from = (image + iy) * width;
                            for (int q = 0; q < outW; q++) {
                                int ix = q * strides[1] + kx - pad[1];
                                if (ix >= 0 && ix < width) {
                                    cols[to + q] = x[from + ix];
                                }
                            }
                        }
                    }
                }
            }
        }
        // one bulk copy into native memory (Nd4j.create(float[]) wrote it a value at a time)
        patches.data().asNioFloat().put(cols);
        return patches;
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
            AlgoMode mode, FwdAlgo fwdAlgo, ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        return delegate == null ? null : delegate.preOutput(input, weights, bias, kernel, strides, pad, mode, fwdAlgo,
                convolutionMode, dilation, format, workspaceMgr);
    }

    @Override
    public INDArray activate(INDArray z, IActivation afn, boolean training) {
        return delegate == null ? null : delegate.activate(z, afn, training);
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return delegate == null ? Map.of() : delegate.helperMemoryUse();
    }

    @Override
    public boolean checkSupported() {
        return true;
    }
}
