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

    /** A run whose metrics.json declares what comparisons follow, as StudyCommand writes it. */
    private Path declaredRun(String id, double fgsm, double ifgsm) throws IOException {
        Map<String, Object> a = new java.util.LinkedHashMap<>(condition("erm", 0, "top1_error", fgsm));
        a.put("attack", "fgsm");
        a.put("clean_error", 10.0);
        Map<String, Object> b = new java.util.LinkedHashMap<>(condition("erm", 0, "top1_error", ifgsm));
        b.put("attack", "i-fgsm");
        b.put("clean_error", 10.0);
        Path dir = ReportFixtures.run(tmp.resolve("runs"), "some-study", id, "quick", List.of(a, b));
        Map<String, Object> metrics = org.mixupsuite.core.run.Json.readObject(dir.resolve("metrics.json"));
        metrics.put("headline_figures", List.of("top1_error"));
        metrics.put("comparison_focus", Map.of("attack", "fgsm"));
        org.mixupsuite.core.run.Json.write(dir.resolve("metrics.json"), metrics);
        return dir;
    }

    @Test
    void comparisonsFollowTheFiguresAndRowsTheStudyDeclaredInItsRun() throws IOException {
        Path a = declaredRun("20260101-000000-seed0", 80, 99);
        Path b = declaredRun("20260102-000000-seed0", 70, 98);
        Map<String, Path> charts = ComparisonCharts.draw("some-study", List.of(read(a), read(b)), tmp);
        // clean_error comes first in the rows but was not declared, so only top1_error is drawn
        assertEquals(1, charts.size(), charts.keySet().toString());
        assertTrue(charts.keySet().iterator().next().startsWith("top1 error (attack fgsm)"), charts.keySet().toString());
    }

    @Test
    void theFocusRuleMatchesOnlyRowsWithEverySetting() {
        Map<String, Object> focus = Map.of("attack", "fgsm", "box", "white", "epsilon", 0.1);
        assertTrue(Baseline.matches(focus, Map.of("attack", "fgsm", "box", "white", "epsilon", 0.1, "method", "erm")));
        assertFalse(Baseline.matches(focus, Map.of("attack", "i-fgsm", "box", "white", "epsilon", 0.1)));
        assertFalse(Baseline.matches(focus, Map.of("attack", "fgsm", "box", "white", "epsilon", 0.05)));
        assertFalse(Baseline.matches(focus, Map.of("attack", "fgsm", "box", "white")), "a row without epsilon");
        assertTrue(Baseline.matches(Map.of(), Map.of("method", "erm")), "no focus keeps every row");
    }
}
