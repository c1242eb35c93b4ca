package org.mixupsuite.core.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.stats.Interval;

class ChartsTest {

    /** Three seeds' errors near 0 give a t-interval reaching below 0%; the drawn band stops at 0, the mean stays. */
    @Test
    void aBandIsCutToTheFiguresRangeAndTheMeansAreLeftAlone() {
        Interval nearZero = Interval.of(new double[] {0.5, 1.0, 6.0});
        Interval nearFull = Interval.of(new double[] {99.0, 99.5, 100.0});
        Charts.Series s = Charts.Series.of("erm", Color.BLACK, new double[] {1, 2}, List.of(nearZero, nearFull), false)
                .within(0, 100);
        assertArrayEquals(new double[] {nearZero.mean(), nearFull.mean()}, s.y(), 1e-12);
        assertArrayEquals(new double[] {0, nearFull.low()}, s.low(), 1e-12);
        assertArrayEquals(new double[] {nearZero.high(), 100}, s.high(), 1e-12);
    }
}
