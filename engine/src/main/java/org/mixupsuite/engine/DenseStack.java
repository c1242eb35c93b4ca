package org.mixupsuite.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Forward, backward and update of a {@link MultiLayerNetwork} made only of dense layers, without
 * DL4J's per-call machinery (workspaces, solver, a copy after every matrix product, fresh arrays for
 * every activation and gradient): DL4J's own layer math, loss functions and updater blocks, on the
 * network's own parameter, gradient and updater-state arrays, into buffers allocated once per batch
 * size. On small networks that machinery costs more than the arithmetic (the GAN's 3 × 128
 * discriminator step ran about twice as fast this way). The network stays a network: its
 * checkpoints, {@code output} and iteration count are DL4J's.
 *
 * <p>The numbers: every step is DL4J's operation in DL4J's order, except where a hidden layer's
 * product is written. DL4J multiplies into a column-major array and copies it into the next layer's
 * row-major input; this class computes the transpose {@code W^T x^T} straight into that input. Both
 * are the same dot products, but the BLAS library may sum them through another kernel (it does on
 * AMD Zen: OpenBLAS's Zen kernels, last bits apart), so the fast layout equals DL4J within float
 * rounding, not to the bit. {@link #DenseStack(MultiLayerNetwork, boolean)} with DL4J's layout makes
 * DL4J's calls with DL4J's arguments, and so its bits on any CPU (DenseStackTest proves each way).
 *
 * <p>Hidden layers: ReLU (DL4J's default one) or identity, with a bias, DL4J's inverted dropout
 * at a fixed rate or none, no regularization or gradient normalization. Last layer: an output
 * layer with its loss, or a dense identity layer, which has no loss and learns from an error given
 * from outside ({@link #backpropAndUpdate}). Bind it after the network's checkpoint is restored: it
 * holds the network's arrays and updater blocks.
 */
public final class DenseStack {

    private final MultiLayerNetwork net;
    private final int layers;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGradients;
    private final INDArray[] biasGradients;
    private final boolean[] relu;
    /** Each layer's probability of keeping an input unit in training (DL4J's dropOut(p)); 1 = no dropout. */
    private final double[] retain;
    private static final IActivation RELU = new ActivationReLU();
    /** The output layer's loss and activation; null when the last layer is a dense identity layer. */
    private final ILossFunction loss;
    private final IActivation outputActivation;
    private final DefaultGradient gradient;
    private final List<UpdaterBlock> updaterBlocks;
    /** Adam's step in Java for each block it applies to (null where the block's own update runs). */
    private final AdamStep[] adamSteps;
    private final boolean divideByBatch;
    /**
     * Adam's first moment of a unit that stopped learning (a dead ReLU) decays by 0.9 a step into
     * subnormal floats, which cost ~100 cycles an operation: a fifth of the GAN's state was
     * subnormal after 3,000 iterations. Below the smallest normal float they are zero to every
     * parameter (their share of an update is under 1e-30 of the learning rate), so every this many
     * iterations they are set to zero; a moment needs ~800 steps to decay that far, and the op
     * costs ~4 ns a value (5 ms on the 784-512-512 MLP's state), too much for every step.
     */
    static final int FLUSH_EVERY = 100;
    private final Map<Long, Buffers> buffersByRows = new HashMap<>();
    /**
     * Inference passes have their own, so that one between a training pass and its backpropagation
     * changes nothing; the two row counts used last (an evaluation's full batches and its last one),
     * as callers predict for sets of any size.
     */
    private final Map<Long, Buffers> inferenceBuffersByRows = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Buffers> eldest) {
            return size() > 2;
        }
    };
    /** The buffers of the last forward pass, which backpropagation reads. */
    private Buffers last;
    /** Whether hidden products are laid out as DL4J lays them (column-major, copied across): its bits on every CPU. */
    private final boolean dl4jLayout;

    /**
     * For one number of rows: each hidden layer's output as the next layer reads it ({@code inputs},
     * row-major, as DL4J hands it on; index 0 is the network's input), the last layer's output
     * ({@code output}, column-major, as DL4J's gemm writes it); each layer's error at its input,
     * transposed ({@code [nIn, rows]}, as DL4J computes it); the error through a ReLU's derivative
     * ({@code deltas}, row-major: the layout decides which BLAS path a product takes, hence its last
     * bits) and the ReLU's 0/1 mask, both at the index of that layer's output. A layer with dropout
     * also has its dropout mask (0 or 1/p) and its input times that mask, row-major like its input.
     */
    private static final class Buffers {
        INDArray output;
        final INDArray[] inputs;
        /** With DL4J's layout: each hidden layer's column-major product before it is copied into {@code inputs}. */
        final INDArray[] products;
        final INDArray[] transposedErrors;
        final INDArray[] deltas;
        final INDArray[] masks;
        final INDArray[] dropMasks;
        final INDArray[] droppedInputs;
        /** Whether the last pass was a training pass (dropout applied), which backpropagation follows. */
        boolean training;

        Buffers(int layers) {
            inputs = new INDArray[layers];
            products = new INDArray[layers];
            transposedErrors = new INDArray[layers];
            deltas = new INDArray[layers + 1];
            masks = new INDArray[layers + 1];
            dropMasks = new INDArray[layers];
            droppedInputs = new INDArray[layers];
        }
    }

    /** The fast layout: DL4J's numbers within float rounding (see the class comment). */
    public DenseStack(MultiLayerNetwork net) {
        this(net, false);
    }

    /**
     * @param dl4jLayout hidden products multiplied into a column-major array and copied across, as
     *                   DL4J does: the same BLAS calls as DL4J's fit, hence its bits, at the cost of a
     *                   copy (14% of the GAN's time when this was the only layout)
     */
    DenseStack(MultiLayerNetwork net, boolean dl4jLayout) {
        this.net = net;
        this.dl4jLayout = dl4jLayout;
        this.layers = net.getnLayers();
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        weightGradients = new INDArray[layers];
        biasGradients = new INDArray[layers];
        relu = new boolean[layers];
        retain = new double[layers];
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        INDArray flatGradients = net.getFlattenedGradients();
        gradient = new DefaultGradient(flatGradients);
        long offset = 0;
        ILossFunction lossFn = null;
        IActivation outAct = null;
        for (int i = 0; i < layers; i++) {
            Layer layer = net.getLayer(i);
            BaseLayer conf = supported(layer, i, i == layers - 1);
            boolean isOutput = conf instanceof BaseOutputLayer;
            relu[i] = !isOutput && conf.getActivationFn() instanceof ActivationReLU;
            retain[i] = conf.getIDropout() == null ? 1 : ((Dropout) conf.getIDropout()).getP();
            if (isOutput) {
                lossFn = ((BaseOutputLayer) conf).getLossFn();
                outAct = conf.getActivationFn();
            }
            weights[i] = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            biases[i] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            long n = layer.numParams();
            Map<String, INDArray> views = DefaultParamInitializer.getInstance().getGradientsFromFlattened(layer.conf(),
                    flatGradients.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(offset, offset + n)));
            weightGradients[i] = views.get(DefaultParamInitializer.WEIGHT_KEY);
            biasGradients[i] = views.get(DefaultParamInitializer.BIAS_KEY);
            gradient.setGradientFor(i + "_" + DefaultParamInitializer.WEIGHT_KEY, weightGradients[i]);
            gradient.setGradientFor(i + "_" + DefaultParamInitializer.BIAS_KEY, biasGradients[i]);
            offset += n;
        }
        loss = lossFn;
        outputActivation = outAct;
        updaterBlocks = ((BaseMultiLayerUpdater<?>) net.getUpdater()).getUpdaterBlocks();
        adamSteps = new AdamStep[updaterBlocks.size()];
        Arrays.setAll(adamSteps, k -> AdamStep.of(updaterBlocks.get(k)).orElse(null));
        divideByBatch = net.getLayerWiseConfigurations().getConf(0).isMiniBatch();
    }

    /** Whether {@code net} is made only of what this class implements; if not, DL4J's own fit is the way. */
    public static boolean supports(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (problem(net.getLayer(i), i, i == net.getnLayers() - 1) != null) {
                return false;
            }
        }
        return true;
    }

    private static BaseLayer supported(Layer layer, int index, boolean last) {
        String problem = problem(layer, index, last);
        if (problem != null) {
            throw new IllegalArgumentException("DenseStack: layer " + index + " ("
                    + layer.conf().getLayer().getClass().getSimpleName() + "): " + problem);
        }
        return (BaseLayer) layer.conf().getLayer();
    }

    /** What this class does not implement about a layer, or null. */
    private static String problem(Layer layer, int index, boolean last) {
        if (!(layer.conf().getLayer() instanceof DenseLayer || last && layer.conf().getLayer() instanceof OutputLayer)) {
            return "only dense layers, and an output layer last, are supported";
        }
        BaseLayer conf = (BaseLayer) layer.conf().getLayer();
        IActivation act = conf.getActivationFn();
        boolean output = conf instanceof BaseOutputLayer;
        if (!output && !(act.equals(RELU) || act instanceof ActivationIdentity)) {
            return "activation " + act + " is not supported (ReLU or identity)";
        }
        if (last && !output && !(act instanceof ActivationIdentity)) {
            return "a last layer without a loss must be linear (identity)";
        }
        if (conf.getIDropout() != null && !(conf.getIDropout().getClass() == Dropout.class
                && ((Dropout) conf.getIDropout()).getPSchedule() == null)) {
            return "dropout " + conf.getIDropout() + " is not supported (DL4J's Dropout at a fixed rate)";
        }
        if (!conf.getRegularization().isEmpty() || !conf.getRegularizationBias().isEmpty()
                || conf.getGradientNormalization() != GradientNormalization.None
                || conf instanceof DenseLayer && (!((DenseLayer) conf).hasBias() || ((DenseLayer) conf).hasLayerNorm())
                || conf instanceof OutputLayer && !((OutputLayer) conf).hasBias()) {
            return "regularization, gradient normalization, layer norm and bias-free layers are not supported";
        }
        return null;
    }

    public MultiLayerNetwork network() {
        return net;
    }

    /** The network's output for {@code x} in inference mode (no dropout; its output activation applied), in a new array. */
    public INDArray output(INDArray x) {
        INDArray z = forward(x, false);
        return loss == null ? z.dup() : outputActivation.getActivation(z.dup(), false);
    }

    /**
     * The training forward pass (dropout applied, where a layer has it): the last layer's
     * pre-activation (for a dense identity layer, its output), in this stack's buffer, valid until
     * the next pass with as many rows.
     */
    public INDArray forward(INDArray x) {
        return forward(x, true);
    }

    private INDArray forward(INDArray x, boolean training) {
        Buffers b = (training ? buffersByRows : inferenceBuffersByRows).computeIfAbsent((long) x.rows(), this::allocate);
        // the calls DL4J's dense layers make, in their order and on arrays of the same layout, so
        // that the numbers are DL4J's to the bit
        b.inputs[0] = x.ordering() == 'c' && !x.isView() ? x : x.dup('c');
        b.training = training;
        for (int i = 0; i < layers; i++) {
            if (dropsOut(b, i)) {
                // DL4J's Dropout: a mask of ones turned into 0 or 1/p by the same random op on the
                // same global generator, so the draws are fit's draws
                INDArray mask = b.dropMasks[i].assign(1.0);
                Nd4j.getExecutioner().exec(new DropOutInverted(mask, mask, retain[i]));
                Nd4j.getExecutioner().exec(new MulOp(b.inputs[i], mask, b.droppedInputs[i]));
            }
            INDArray out;
            if (i + 1 < layers && dl4jLayout) {
                out = b.products[i + 1];
                Gemm.into(layerInput(b, i), weights[i], out, false, false, 1.0, 0.0);
            } else if (i + 1 < layers) {
                // a hidden layer's product goes straight into the next layer's row-major input, as
                // its column-major transpose: (x W)^T = W^T x^T. Multiplying into a column-major
                // array and copying that across cost 14% of the GAN's time in the copy
                out = b.inputs[i + 1];
                Gemm.into(weights[i], layerInput(b, i), out.transpose(), true, true, 1.0, 0.0);
            } else {
                out = b.output;
                Gemm.into(layerInput(b, i), weights[i], out, false, false, 1.0, 0.0);
            }
            if (!DenseKernels.addBias(out, biases[i], relu[i])) {
                out.addiRowVector(biases[i]);
                if (relu[i]) {
                    RELU.getActivation(out, true);
                }
            }
            if (i + 1 < layers && dl4jLayout) {
                b.inputs[i + 1].assign(out);
            }
        }
        if (training) {
            last = b;
        }
        return b.output;
    }

    /** Whether layer {@code i} drops out its input in the pass {@code b} holds. */
    private boolean dropsOut(Buffers b, int i) {
        return b.training && retain[i] < 1;
    }

    /** What layer {@code i} multiplied by its weights in that pass: its input, dropped out or not. */
    private INDArray layerInput(Buffers b, int i) {
        return dropsOut(b, i) ? b.droppedInputs[i] : b.inputs[i];
    }

    private Buffers allocate(long rows) {
        Buffers b = new Buffers(layers);
        for (int i = 0; i < layers; i++) {
            long nIn = weights[i].size(0);
            long nOut = weights[i].size(1);
            if (i + 1 < layers) {
                b.inputs[i + 1] = Nd4j.create(weights[i].dataType(), new long[] {rows, nOut}, 'c');
                if (dl4jLayout) {
                    b.products[i + 1] = Nd4j.create(weights[i].dataType(), new long[] {rows, nOut}, 'f');
                }
            } else {
                b.output = Nd4j.create(weights[i].dataType(), new long[] {rows, nOut}, 'f');
            }
            b.transposedErrors[i] = Nd4j.create(weights[i].dataType(), new long[] {nIn, rows}, 'f');
            if (retain[i] < 1) {
                b.dropMasks[i] = Nd4j.create(weights[i].dataType(), new long[] {rows, nIn}, 'c');
                b.droppedInputs[i] = Nd4j.create(weights[i].dataType(), new long[] {rows, nIn}, 'c');
            }
            if (relu[i]) {
                b.masks[i + 1] = Nd4j.create(weights[i].dataType(), new long[] {rows, nOut}, 'c');
                b.deltas[i + 1] = Nd4j.create(weights[i].dataType(), new long[] {rows, nOut}, 'c');
            }
        }
        return b;
    }

    /** One training step on {@code x} against {@code labels}, as {@code fit(x, labels)} makes it; returns the score. */
    public double fit(INDArray x, INDArray labels) {
        Pair<Double, INDArray> scoreAndError = lossAt(x, labels);
        backward(scoreAndError.getSecond(), true, false);
        update((int) x.rows(), net.getIterationCount(), net.getEpochCount());
        net.setIterationCount(net.getIterationCount() + 1);
        return scoreAndError.getFirst() / x.rows();
    }

    /**
     * The loss's gradient with respect to the input rows, summed as DL4J's
     * {@code calculateGradients} returns it (not divided by the batch size); parameters untouched.
     */
    public INDArray inputGradient(INDArray x, INDArray labels) {
        return backward(lossAt(x, labels).getSecond(), false, true).dup();
    }

    /**
     * Backpropagates {@code outputError} (the loss's gradient at the last forward pass's output,
     * summed over its rows) and updates the parameters with the updater at {@code iteration}, epoch 0;
     * the network's own iteration count is left to the caller.
     */
    public void backpropAndUpdate(INDArray outputError, int iteration) {
        backward(outputError, true, false);
        update((int) outputError.rows(), iteration, 0);
    }

    private Pair<Double, INDArray> lossAt(INDArray x, INDArray labels) {
        if (loss == null) {
            throw new IllegalStateException("DenseStack: the last layer has no loss; use backpropAndUpdate");
        }
        INDArray preOutput = forward(x);
        return loss.computeGradientAndScore(labels, preOutput, outputActivation, null, false);
    }

    /**
     * Errors from the top down, as DL4J's layers compute them; parameter gradients into the
     * network's gradient view; returns the error at the input when asked (else null).
     */
    private INDArray backward(INDArray outputError, boolean parameterGradients, boolean inputError) {
        INDArray delta = outputError;
        for (int i = layers - 1; i >= 0; i--) {
            if (parameterGradients) {
                Gemm.into(layerInput(last, i), delta, weightGradients[i], true, false, 1.0, 0.0);
                if (!DenseKernels.columnSums(delta, biasGradients[i])) {
                    delta.sum(biasGradients[i], 0);
                }
            }
            if (i == 0 && !inputError) {
                return null;
            }
            INDArray error = Gemm.into(weights[i], delta.transpose(), last.transposedErrors[i], false, false, 1.0, 0.0)
                    .transpose();
            if (dropsOut(last, i)) { // through the dropout mask, in place as DL4J does
                Nd4j.getExecutioner().exec(new MulOp(error, last.dropMasks[i], error));
            }
            if (i == 0) {
                return error;
            }
            if (relu[i - 1]) {
                // ReLU's derivative from its output (positive exactly where its input was), as a 0/1
                // mask: ND4J's relu_bp op gives the same numbers at ~15 ns an element here, 0.45 ms
                // for 256 x 128, the sign and a product ~0.03 ms, in Java less. Mask and delta are
                // row-major like the error (the transpose of a column-major product), so that ND4J's
                // product takes its contiguous path, not its strided one
                delta = last.deltas[i];
                if (!DenseKernels.reluDelta(error, last.inputs[i], delta)) {
                    INDArray mask = last.masks[i];
                    Nd4j.getExecutioner().exec(new Sign(last.inputs[i], mask));
                    error.mul(mask, delta);
                }
            } else {
                delta = error;
            }
        }
        return null;
    }

    /** What DL4J's updater does after a backward pass: mean over the batch, each updater block, then the step. */
    private void update(int batch, int iteration, int epoch) {
        if (divideByBatch) {
            gradient.gradient().divi(batch);
        }
        for (int k = 0; k < updaterBlocks.size(); k++) {
            UpdaterBlock block = updaterBlocks.get(k);
            if (adamSteps[k] != null) {
                adamSteps[k].apply(iteration, epoch);
            } else {
                block.update(iteration, epoch);
            }
            if (iteration % FLUSH_EVERY == 0 && block.getUpdaterView() != null) { // SGD has no state
                Nd4j.getExecutioner().exec(new CompareAndSet(block.getUpdaterView(), 0.0,
                        Conditions.absLessThan(Float.MIN_NORMAL)));
            }
        }
        net.params().subi(gradient.gradient());
    }
}
