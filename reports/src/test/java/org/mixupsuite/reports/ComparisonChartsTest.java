package org.mixupsuite.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixupsuite.reports.ReportFixtures.condition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonChartsTest {

    @TempDir
    Path tmp;

    private FinishedRun read(Path dir) {
        return RunCatalog.read(dir.getParent().getFileName().toString(), dir).orElseThrow();
    }

    @Test
    void aSingleRunGetsNoComparisonChart() throws IOException {
        Path run = ReportFixtures.run(tmp.resolve("runs"), "corrupt-labels", "20260101-000000-seed0", "quick",
                List.of(condition("erm", 0.5, "test_error_last", 45.0)));
        assertTrue(ComparisonCharts.draw("corrupt-labels", List.of(read(run)), tmp).isEmpty());
    }

    @Test
    void twoRunsAreComparedPerHeadlineFigure() throws IOException {
        Path a = ReportFixtures.run(tmp.resolve("runs"), "corrupt-labels", "20260101-000000-seed0", "quick",
                List.of(condition("erm", 0.5, "test_error_last", 45.0)));
        Path b = ReportFixtures.run(tmp.resolve("runs"), "corrupt-labels", "20260102-000000-seed0", "quick",
                List.of(condition("erm", 0.5, "test_error_last", 44.0)));
        Map<String, Path> charts = ComparisonCharts.draw("corrupt-labels", List.of(read(a), read(b)), tmp);
        assertEquals(1, charts.size(), charts.keySet().toString());
        assertTrue(Files.size(charts.values().iterator().next()) > 2_000);
    }

    @Test
    void theAdversarialComparisonFollowsWhiteBoxFgsmAtEpsilonOneTenth() {
        Map<String, Object> focus = ComparisonCharts.FOCUS.get("adversarial");
        assertTrue(Baseline.matches(focus, Map.of("attack", "fgsm", "box", "white", "epsilon", 0.1, "method", "erm")));
        assertFalse(Baseline.matches(focus, Map.of("attack", "i-fgsm", "box", "white", "epsilon", 0.1)));
        assertFalse(Baseline.matches(focus, Map.of("attack", "fgsm", "box", "white", "epsilon", 0.05)));
        assertFalse(Baseline.matches(focus, Map.of("attack", "fgsm", "box", "white")), "a row without epsilon");
        assertTrue(Baseline.matches(Map.of(), Map.of("method", "erm")), "no focus keeps every row");
    }
}
