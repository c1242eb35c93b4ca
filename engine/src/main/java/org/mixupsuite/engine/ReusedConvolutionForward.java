package org.mixupsuite.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution whose backprop, within one {@code fit} step, reuses the output of that step's
 * forward pass. DL4J's convolution layer runs its forward pass again at the start of backprop, to
 * have the pre-activation for the activation's derivative; on oneDNN that second pass, with its
 * reorders into the blocked layout and back, is ~8% of a quick VGG-11 step.
 *
 * <p>Only while {@link #duringFit} is on, and only for the call with the very input and weight
 * arrays of the step's forward pass, each output reused once: outside fit (inference, attacks'
 * input gradients) every call computes. The reused array is the forward pass's activation where
 * the layer applied its activation in place: with the identity nothing changes, and a ReLU's
 * derivative is the same read from ReLU(z) as from z (both are positive at the same places); any
 * other activation keeps DL4J's recomputation. So the numbers are the same bits as without it.
 */
final class ReusedConvolutionForward implements ConvolutionHelper {

    private final ConvolutionHelper delegate;
    private boolean active;
    private INDArray lastInput;
    private INDArray lastWeights;
    private INDArray lastOutput;
    /** How many forward passes were reused, for tests. */
    private long reused;

    private ReusedConvolutionForward(ConvolutionHelper delegate) {
        this.delegate = delegate;
    }

    /**
     * Wraps the helper of every convolution among {@code layers} that has one (oneDNN's) and whose
     * activation is the identity or a plain ReLU; returns the wrappers.
     */
    static List<ReusedConvolutionForward> install(Layer[] layers) {
        List<ReusedConvolutionForward> installed = new ArrayList<>();
        Optional<HelperField> helper = HelperField.of(ConvolutionLayer.class);
        for (Layer layer : layers) {
            if (layer.getClass() != ConvolutionLayer.class) {
                continue;
            }
            IActivation activation = ((org.deeplearning4j.nn.conf.layers.ConvolutionLayer) layer.conf().getLayer())
                    .getActivationFn();
            boolean reluLike = activation instanceof ActivationReLU relu && relu.equals(new ActivationReLU());
            if (!(activation instanceof ActivationIdentity) && !reluLike) {
                continue;
            }
            if (helper.isPresent() && helper.get().get(layer) instanceof ConvolutionHelper existing) {
                ReusedConvolutionForward wrapper = new ReusedConvolutionForward(existing);
                helper.get().set(layer, wrapper);
                installed.add(wrapper);
            }
        }
        return installed;
    }

    /** On for one fit step (clearing what an earlier step left), off after it. */
    void duringFit(boolean on) {
        active = on;
        lastInput = null;
        lastWeights = null;
        lastOutput = null;
    }

    long reused() {
        return reused;
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
            AlgoMode mode, FwdAlgo fwdAlgo, ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        if (active && lastOutput != null && input == lastInput && weights == lastWeights) {
            INDArray output = lastOutput;
            lastOutput = null;
            reused++;
            return output;
        }
        INDArray output = delegate.preOutput(input, weights, bias, kernel, strides, pad, mode, fwdAlgo,
                convolutionMode, dilation, format, workspaceMgr);
        if (active) {
            lastInput = input;
            lastWeights = weights;
            lastOutput = output;
        }
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
            int[] kernel, int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView, IActivation afn,
            AlgoMode mode, BwdFilterAlgo bwdFilterAlgo, BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode,
            int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        lastOutput = null; // this step's backprop has begun: nothing after it may reuse the forward pass
        // DL4J hands a helper that is not oneDNN's a dummy bias gradient when there is no bias; oneDNN's fails on it
        return delegate.backpropGradient(input, weights, bias, delta, kernel, strides, pad,
                bias == null ? null : biasGradView,
                weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format, workspaceMgr);
    }

    @Override
    public INDArray activate(INDArray z, IActivation afn, boolean training) {
        return delegate.activate(z, afn, training);
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return delegate.helperMemoryUse();
    }

    @Override
    public boolean checkSupported() {
        return delegate.checkSupported();
    }
}
