package org.mixupsuite.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class RowsTest {

    private static final int[] ROWS = {7, 0, 7, 39, 12, 3};

    @Test
    void gathersTheRowsPullRowsGives() {
        INDArray m = Nd4j.rand(DataType.FLOAT, 40, 13);
        INDArray got = Rows.gather(m, ROWS);
        assertEquals(Nd4j.pullRows(m, 1, ROWS), got);
        assertEquals('c', got.ordering());
        assertEquals(m.getRow(39), got.getRow(3));
        INDArray d = Nd4j.rand(DataType.DOUBLE, 40, 5);
        assertEquals(Nd4j.pullRows(d, 1, ROWS), Rows.gather(d, ROWS));
    }

    @Test
    void readsViewsFromTheirOffsetAndOtherLayoutsThroughNd4j() {
        INDArray m = Nd4j.rand(DataType.FLOAT, 100, 13);
        INDArray block = m.get(NDArrayIndex.interval(50, 90), NDArrayIndex.all()); // rows 50..89, offset 650
        assertEquals(Nd4j.pullRows(block, 1, ROWS), Rows.gather(block, ROWS));
        assertEquals(m.getRow(57), Rows.gather(block, ROWS).getRow(0));
        INDArray columnMajor = m.dup('f');
        assertEquals(Nd4j.pullRows(m, 1, ROWS), Rows.gather(columnMajor, ROWS));
        INDArray someColumns = m.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6));
        assertEquals(Nd4j.pullRows(someColumns, 1, ROWS), Rows.gather(someColumns, ROWS));
    }

    @Test
    void refusesRowsOutsideTheMatrix() {
        INDArray block = Nd4j.rand(DataType.FLOAT, 100, 3).get(NDArrayIndex.interval(0, 40), NDArrayIndex.all());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Rows.gather(block, new int[] {1, 40}));
        assertEquals("row 40 of a matrix of 40 rows", e.getMessage());
    }
}
