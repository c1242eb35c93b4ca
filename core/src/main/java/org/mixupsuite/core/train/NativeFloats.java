package org.mixupsuite.core.train;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/** Float arrays copied between ND4J's native buffers and Java in one go, for the layers computed in Java. */
final class NativeFloats {

    private NativeFloats() {
    }

    /** {@code buffer} when it holds at least n values, else a new array of n. */
    static float[] scratch(float[] buffer, int n) {
        return buffer.length >= n ? buffer : new float[n];
    }

    /** The array's values in c order, into {@code buffer} when it is large enough. */
    static float[] read(INDArray array, float[] buffer) {
        int n = (int) array.length();
        INDArray c = direct(array) ? array : array.dup('c');
        float[] into = scratch(buffer, n);
        c.data().asNioFloat().get(into, 0, n);
        return into;
    }

    /** The first n values, in c order, into {@code target}. */
    static void write(float[] values, int n, INDArray target) {
        if (direct(target)) {
            target.data().asNioFloat().put(values, 0, n);
        } else {
            target.assign(Nd4j.createFromArray(Arrays.copyOf(values, n)).reshape('c', target.shape()));
        }
    }

    /** Whether the array's c-order values are its buffer's first ones, so they can be copied in one go. */
    private static boolean direct(INDArray array) {
        return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array) && array.offset() == 0
                && array.data().offset() == 0 && array.data().length() >= array.length();
    }
}
