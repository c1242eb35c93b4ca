package org.mixupsuite.engine;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A plain ReLU whose backprop runs in Java, for the activation layers that follow VGG-11's batch
 * norms. ND4J's {@code relu_bp} takes ~1.9 ns an element here and a fresh output array, ~8% of a
 * quick VGG-11 step over its eight ReLUs; a branch-free loop over the two buffers, writing into the
 * input copy the layer hands over (which it owns), takes 0.45. The numbers are relu_bp's:
 * {@code x > 0 ? eps : +0}, so an input of NaN or -0 passes nothing and a passed error keeps its
 * bits (JavaReluBackpropTest). The forward pass is ND4J's. Installed into a layer's configuration
 * only during fit, so that a saved network names DL4J's ReLU.
 */
final class JavaReluBackprop extends ActivationReLU {

    JavaReluBackprop() {
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        if (!sameDenseLayout(in, epsilon)) {
            return super.backprop(in, epsilon);
        }
        int n = (int) in.length();
        FloatBuffer x = DenseKernels.floats(in);
        FloatBuffer e = DenseKernels.floats(epsilon);
        for (int i = 0; i < n; i++) { // the error's bits where x > 0, else +0 (DenseKernels: masks, not branches)
            int pass = DenseKernels.positiveMask(Float.floatToRawIntBits(x.get(i)));
            x.put(i, Float.intBitsToFloat(Float.floatToRawIntBits(e.get(i)) & pass));
        }
        return new Pair<>(in, null);
    }

    /** Both float arrays of one shape, laid out alike without gaps, so element i is the i-th value of each buffer. */
    private static boolean sameDenseLayout(INDArray a, INDArray b) {
        return a.dataType() == DataType.FLOAT && b.dataType() == DataType.FLOAT && a.equalShapes(b)
                && a.ordering() == b.ordering() && a.elementWiseStride() == 1 && b.elementWiseStride() == 1
                && a.offset() == a.data().offset() && b.offset() == b.data().offset()
                && a.length() <= Integer.MAX_VALUE;
    }

    /** The activation layers among {@code layers} with a plain ReLU (no threshold, slope or cap). */
    static List<Swap> install(Layer[] layers) {
        List<Swap> out = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer conf
                    && conf.getActivationFn().getClass() == ActivationReLU.class
                    && conf.getActivationFn().equals(new ActivationReLU())) {
                out.add(new Swap(conf, conf.getActivationFn(), new JavaReluBackprop()));
            }
        }
        return out;
    }

    /** One layer's ReLU, and the Java one put in its place while {@link #duringFit} is on. */
    record Swap(org.deeplearning4j.nn.conf.layers.ActivationLayer conf, IActivation dl4j, IActivation java) {
        void duringFit(boolean on) {
            conf.setActivationFn(on ? java : dl4j);
        }
    }
}
