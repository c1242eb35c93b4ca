package org.mixupsuite.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultsTest {

    record Cell(String name) implements Condition {
        @Override
        public String slug() {
            return name;
        }
    }

    private static RunResults.SeedResult<Cell> result(String name, long seed) {
        return new RunResults.SeedResult<>(new Cell(name), seed, ConditionResult.complete(Map.of("e", 1.0), List.of()));
    }

    @Test
    void aChartTitleSaysHowManySeedsItsIntervalsCoverOrThatThereAreNone() {
        RunResults<Cell> one = new RunResults<>(List.of(result("a", 0), result("b", 0)));
        assertEquals(1, one.seedCount());
        assertEquals(" (one seed: no interval)", one.intervalNote("band"));
        RunResults<Cell> three = new RunResults<>(List.of(result("a", 4), result("a", 5), result("b", 4), result("a", 6)));
        assertEquals(3, three.seedCount());
        assertEquals(" (bars: 95% interval over 3 seeds)", three.intervalNote("bars"));
    }
}
