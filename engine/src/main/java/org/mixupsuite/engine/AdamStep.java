package org.mixupsuite.engine;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One Adam step of an updater block, in Java, with the float arithmetic of ND4J's
 * {@code adam_updater} op in its order (bias corrections folded into one step size, then per value
 * m, v and m * step / (sqrt(v) + epsilon)), so the same bits: {@code AdamStepTest} compares it
 * with the op, {@code DenseStackTest} with DL4J's fit. The op runs at ~7-8 ns a value on this kind
 * of machine (a scalar loop). This loop, over heap copies of cache-sized chunks, vectorizes and
 * runs at ~1.7 ns.
 * With the MLP's 670,000 parameters the op was ~40% of an MLP step.
 */
final class AdamStep {

    /**
     * Values a pass takes at once: three arrays of this many floats stay in the core's cache, so
     * the values go through memory once each way, as with the op (whole-array copies took the
     * traffic to three times that, and two conditions training at once felt it).
     */
    private static final int CHUNK = 2048;

    private final Adam config;
    private final INDArray gradientView;
    private final INDArray mView;
    private final INDArray vView;
    private final float[] gradient = new float[CHUNK];
    private final float[] m = new float[CHUNK];
    private final float[] v = new float[CHUNK];

    private AdamStep(Adam config, INDArray gradientView, INDArray mView, INDArray vView) {
        this.config = config;
        this.gradientView = gradientView;
        this.mView = mView;
        this.vView = vView;
    }

    /**
     * The Java step bound to this block's gradient and Adam state, or empty where it does not
     * apply: Adam on contiguous float arrays, no regularization on its variables (DL4J applies that
     * around the updater). Decided once, as the block's arrays stay the same for a bound network.
     */
    static Optional<AdamStep> of(UpdaterBlock block) {
        GradientUpdater<?> updater = block.getGradientUpdater();
        INDArray g = block.getGradientView();
        if (!(updater instanceof AdamUpdater adam) || g == null) {
            return Optional.empty();
        }
        Map<String, INDArray> state = adam.getState();
        INDArray mView = state == null ? null : state.get(AdamUpdater.M_STATE);
        INDArray vView = state == null ? null : state.get(AdamUpdater.V_STATE);
        if (mView == null || vView == null || !contiguous(g) || !contiguous(mView) || !contiguous(vView)) {
            return Optional.empty();
        }
        for (UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) {
            var regularization = p.getLayer().getConfig().getRegularizationByParam(p.getParamName());
            if (regularization != null && !regularization.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new AdamStep(adam.getConfig(), g, mView, vView));
    }

    /**
     * Float values one after another; a view's {@code offset()} counts from the start of the
     * buffer that {@code asNioFloat} maps (for a view, its parent's whole buffer).
     */
    private static boolean contiguous(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.elementWiseStride() == 1
                && a.offset() + a.length() <= a.data().asNioFloat().capacity();
    }

    /** The block's update: its gradient view replaced by the step, Adam's state advanced, as {@code block.update} does. */
    void apply(int iteration, int epoch) {
        Constants c = Constants.of(config.getLearningRate(iteration, epoch), config.getBeta1(), config.getBeta2(),
                config.getEpsilon(), iteration);
        FloatBuffer gb = gradientView.data().asNioFloat();
        FloatBuffer mb = mView.data().asNioFloat();
        FloatBuffer vb = vView.data().asNioFloat();
        int g0 = (int) gradientView.offset();
        int m0 = (int) mView.offset();
        int v0 = (int) vView.offset();
        int n = (int) gradientView.length();
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            gb.get(g0 + start, gradient, 0, len);
            mb.get(m0 + start, m, 0, len);
            vb.get(v0 + start, v, 0, len);
            c.update(gradient, m, v, len);
            gb.put(g0 + start, gradient, 0, len);
            mb.put(m0 + start, m, 0, len);
            vb.put(v0 + start, v, 0, len);
        }
    }

    /** One step on whole arrays (the gradient replaced by the step), for tests against the op. */
    static void step(float[] g, float[] m, float[] v, double learningRate, double beta1, double beta2, double epsilon,
                     int iteration) {
        Constants.of(learningRate, beta1, beta2, epsilon, iteration).update(g, m, v, g.length);
    }

    /**
     * The op's arithmetic: all in float, the step size's bias corrections as the op forms them
     * (the powers in float by the same pow, 1 - beta2^t and the division in double).
     */
    private record Constants(float beta1, float beta2, float oneMinusBeta1, float oneMinusBeta2, float stepSize,
                             float epsilon) {

        static Constants of(double learningRate, double beta1d, double beta2d, double epsilond, int iteration) {
            float lr = (float) learningRate;
            float beta1 = (float) beta1d;
            float beta2 = (float) beta2d;
            float epsilon = (float) epsilond;
            // the powers by ND4J's own pow (C's powf): Math.pow rounded to float differs from it in the
            // last bit now and then (at 0.999^3606, measured), and so would the step
            float t = (float) iteration + 1f;
            float beta1T = nativePower(beta1, t);
            float beta2T = nativePower(beta2, t);
            float stepSize = (float) ((double) (lr * (float) Math.sqrt((float) (1.0 - beta2T))) / (1.0 - beta1T));
            if (Float.isNaN(stepSize) || stepSize == 0 || Float.isInfinite(stepSize)) {
                stepSize = epsilon;
            }
            return new Constants(beta1, beta2, 1 - beta1, 1 - beta2, stepSize, epsilon);
        }

        void update(float[] g, float[] m, float[] v, int len) {
            for (int i = 0; i < len; i++) {
                float gi = g[i];
                float mi = beta1 * m[i] + gi * oneMinusBeta1;
                float vi = beta2 * v[i] + gi * gi * oneMinusBeta2;
                m[i] = mi;
                v[i] = vi;
                g[i] = (mi * stepSize) / ((float) Math.sqrt(vi) + epsilon);
            }
        }
    }

    private static float nativePower(float base, float exponent) {
        return Transforms.pow(Nd4j.scalar(base), exponent, false).getFloat(0);
    }
}
