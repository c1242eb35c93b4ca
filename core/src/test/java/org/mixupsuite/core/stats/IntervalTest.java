package org.mixupsuite.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void studentTIntervalOfThreeSeeds() {
        Interval iv = Interval.of(new double[] {1, 2, 3});
        assertEquals(2.0, iv.mean(), 1e-12);
        // t(0.975, 2 df) = 4.3027; sd = 1
        assertEquals(4.302653 / Math.sqrt(3), iv.ci95(), 1e-5);
        assertEquals(3, iv.n());
    }

    @Test
    void singleValueHasNoWidthAndNonFiniteValuesAreLeftOut() {
        assertEquals(0.0, Interval.of(new double[] {5}).ci95());
        Interval iv = Interval.of(new double[] {4, Double.NaN, 6});
        assertEquals(5.0, iv.mean(), 1e-12);
        assertEquals(2, iv.n());
        assertEquals(0, Interval.of(new double[] {}).n());
    }
}
