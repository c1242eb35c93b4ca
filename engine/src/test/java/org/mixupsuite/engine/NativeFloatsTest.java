package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link NativeFloats}: the c-order values of dense arrays, views and other layouts alike. */
class NativeFloatsTest {

    private static float[] values(FloatBuffer buffer, int n) {
        float[] out = new float[n];
        buffer.get(0, out, 0, n);
        return out;
    }

    @Test
    void readsCOrderValuesOfAnyLayout() {
        INDArray maps = Nd4j.linspace(DataType.FLOAT, 1, 120, 1).reshape('c', 2, 3, 4, 5);
        INDArray fOrder = maps.dup('f');
        INDArray permuted = maps.permute(0, 1, 3, 2);
        INDArray example = maps.get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        for (INDArray a : new INDArray[] {maps, fOrder, permuted, example}) {
            float[] expected = a.dup('c').data().asFloat();
            assertArrayEquals(expected, values(NativeFloats.readable(a), expected.length), a.shapeInfoToString());
        }
    }

    @Test
    void writesInPlaceAndRefusesWhatItCannotWriteInPlace() {
        INDArray target = Nd4j.zeros(DataType.FLOAT, 2, 3);
        NativeFloats.writable(target).put(0, new float[] {1, 2, 3, 4, 5, 6}, 0, 6);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, target.data().asFloat());
        assertThrows(IllegalStateException.class, () -> NativeFloats.writable(target.transpose()));
    }
}
