package org.mixupsuite.engine;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Float arrays read and written in place in ND4J's native buffers, one block (an example's maps) at
 * a time, for the layers computed in Java. Copying a whole array to the heap and back cost as much as
 * the arithmetic (JIT stubs 10% of a quick VGG-11 step, perf): the arrays are megabytes, so each copy
 * went through memory, while an example's block stays in cache between its copy and its loop.
 */
final class NativeFloats {

    private NativeFloats() {
    }

    /** {@code buffer} when it holds at least n values, else a new array of n. */
    static float[] scratch(float[] buffer, int n) {
        return buffer.length >= n ? buffer : new float[n];
    }

    /**
     * The array's values in c order, from its first one: its own buffer where it can be, else a heap
     * copy (a native copy's buffer would not keep that copy from being freed while it is read).
     */
    static FloatBuffer readable(INDArray array) {
        return dense(array) ? DenseKernels.floats(array) : FloatBuffer.wrap(array.dup('c').data().asFloat());
    }

    /** The values of an array made in c order (an output of the layer's own), to write in place. */
    static FloatBuffer writable(INDArray array) {
        if (!dense(array)) {
            throw new IllegalStateException("not a dense c-order float array: " + array.shapeInfoToString());
        }
        return DenseKernels.floats(array);
    }

    /**
     * Whether the array's c-order values lie next to each other from its first one, the first one
     * at its buffer's address ({@link DenseKernels#floats}).
     */
    private static boolean dense(INDArray array) {
        return array.dataType() == DataType.FLOAT && array.ordering() == 'c'
                && Shape.hasDefaultStridesForShape(array) && array.offset() == array.data().offset()
                && array.length() <= Integer.MAX_VALUE;
    }
}
