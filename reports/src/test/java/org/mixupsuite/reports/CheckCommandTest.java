package org.mixupsuite.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixupsuite.reports.ReportFixtures.condition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.testing.Console;

class CheckCommandTest {

    @TempDir
    Path tmp;

    private final Console console = new Console();

    private int check(String... args) {
        return console.run(new CheckCommand(), args);
    }

    private Path baseline(String json) throws Exception {
        Path f = tmp.resolve("baseline-" + System.nanoTime() + ".json");
        Files.writeString(f, json);
        return f;
    }

    private static final String MIXUP_RESISTS = """
            {"scale": "quick", "checks": [
              {"study": "corrupt-labels", "match": {"method": "mixup", "corruption": 0.5},
               "figure": "train_error_corrupted", "min": 70},
              {"study": "corrupt-labels", "match": {"method": "erm"}, "figure": "train_error_corrupted", "max": 30}
            ]}""";

    @Test
    void passesWithinRangeAndPrintsOneLinePerFigureAndASummary() throws Exception {
        Path runs = tmp.resolve("runs");
        ReportFixtures.run(runs, "corrupt-labels", "20260101-000000-seed0", "quick", List.of(
                condition("erm", 0.5, "train_error_corrupted", 15.0),
                condition("mixup", 0.5, "train_error_corrupted", 87.0)));
        assertEquals(0, check("--baseline", baseline(MIXUP_RESISTS).toString(), "--runs", runs.toString()), console.err());
        List<String> lines = console.out().lines().toList();
        assertEquals(3, lines.size(), console.out());
        assertEquals("2 passed, 0 failed", lines.get(2));
    }

    @Test
    void failsWithExitOneWhenAFigureLeavesItsRange() throws Exception {
        Path runs = tmp.resolve("runs");
        ReportFixtures.run(runs, "corrupt-labels", "20260101-000000-seed0", "quick", List.of(
                condition("erm", 0.5, "train_error_corrupted", 15.0),
                condition("mixup", 0.5, "train_error_corrupted", 14.0)));
        assertEquals(1, check("--baseline", baseline(MIXUP_RESISTS).toString(), "--runs", runs.toString()));
        assertTrue(console.out().contains("FAIL corrupt-labels"), console.out());
        assertTrue(console.out().endsWith("1 passed, 1 failed\n"), console.out());
    }

    @Test
    void comparesTheNewestRunOfTheBaselinesScale() throws Exception {
        Path runs = tmp.resolve("runs");
        ReportFixtures.run(runs, "corrupt-labels", "20260101-000000-seed0", "quick", List.of(
                condition("erm", 0.5, "train_error_corrupted", 15.0), condition("mixup", 0.5, "train_error_corrupted", 10.0)));
        ReportFixtures.run(runs, "corrupt-labels", "20260102-000000-seed0", "quick", List.of(
                condition("erm", 0.5, "train_error_corrupted", 15.0), condition("mixup", 0.5, "train_error_corrupted", 90.0)));
        // a newer smoke run must not be compared with quick ranges
        ReportFixtures.run(runs, "corrupt-labels", "20260103-000000-seed0", "smoke", List.of(
                condition("erm", 0.5, "train_error_corrupted", 95.0), condition("mixup", 0.5, "train_error_corrupted", 95.0)));
        assertEquals(0, check("--baseline", baseline(MIXUP_RESISTS).toString(), "--runs", runs.toString()), console.out());
    }

    @Test
    void badBaselineOrMissingRunExitsWithTwo() throws Exception {
        Path runs = tmp.resolve("runs");
        assertEquals(2, check("--baseline", tmp.resolve("none.json").toString(), "--runs", runs.toString()));
        assertTrue(console.err().contains("none.json"));
        assertEquals(2, check("--baseline", baseline("{\"checks\": [{\"study\": \"gan\", \"figure\": \"x\"}]}").toString()));
        assertTrue(console.err().contains("neither"), console.err());
        assertEquals(2, check("--baseline", baseline("[{\"study\": \"gan\", \"figure\": \"x\", \"min\": 5, \"max\": 1}]").toString()));
        assertEquals(2, check("--baseline", baseline(MIXUP_RESISTS).toString(), "--runs", runs.toString()));
        assertTrue(console.err().contains("no finished corrupt-labels run at scale quick"), console.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void updateProposesRangesFromRunsIntoANewFileOnly() throws Exception {
        Path runs = tmp.resolve("runs");
        for (int i = 0; i < 3; i++) {
            ReportFixtures.run(runs, "corrupt-labels", "2026010" + (i + 1) + "-000000-seed0", "quick", List.of(
                    condition("erm", 0.5, "train_error_corrupted", 14.0 + i),
                    condition("mixup", 0.5, "train_error_corrupted", 85.0 + i)));
        }
        Path base = baseline(MIXUP_RESISTS);
        String before = Files.readString(base);
        Path target = tmp.resolve("proposed.json");
        assertEquals(0, check("--baseline", base.toString(), "--runs", runs.toString(), "--update", target.toString()));
        assertEquals(before, Files.readString(base), "the baseline itself is never changed");
        List<Map<String, Object>> checks = (List<Map<String, Object>>) Json.readObject(target).get("checks");
        double min = ((Number) checks.get(0).get("min")).doubleValue();
        double max = ((Number) checks.get(0).get("max")).doubleValue();
        assertTrue(min < 85 && min > 70 && max > 87 && max < 100, min + ".." + max);
        assertEquals(2, check("--baseline", base.toString(), "--runs", runs.toString(), "--update", target.toString()));
        assertTrue(console.err().contains("never overwrites"), console.err());
    }

    private static Map<String, Object> finding(String id, int seeds, String verdict, String indicative) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("id", id);
        f.put("effect", -4.0);
        f.put("ci95", seeds > 1 ? 1.5 : null);
        f.put("seeds", seeds);
        f.put("verdict", verdict);
        f.put("indicative", indicative);
        return f;
    }

    private Path runWithFindings(String id, List<Map<String, Object>> findings) throws Exception {
        Path runs = tmp.resolve("runs-" + id);
        Path dir = ReportFixtures.run(runs, "corrupt-labels", id, "quick", List.of(condition("erm", 0.5, "test_error_last", 40.0)));
        Map<String, Object> metrics = Json.readObject(dir.resolve("metrics.json"));
        metrics.put("findings", findings);
        Json.write(dir.resolve("metrics.json"), metrics);
        return runs;
    }

    private static final String REQUIRES_VERDICT = """
            {"scale": "quick", "checks": [
              {"study": "corrupt-labels", "claim": "c50-last", "verdict": "reproduced"}
            ]}""";

    @Test
    void aRequiredVerdictPassesOnlyWhenTheRunReachedIt() throws Exception {
        Path b = baseline(REQUIRES_VERDICT);
        Path good = runWithFindings("20260101-000000-seed0", List.of(finding("c50-last", 3, "reproduced", "reproduced")));
        assertEquals(0, check("--baseline", b.toString(), "--runs", good.toString()), console.out());
        assertTrue(console.out().contains("ok   corrupt-labels claim c50-last reproduced (effect -4 ± 1.5, 3 seeds"), console.out());
        console.reset();
        Path unsure = runWithFindings("20260101-000001-seed0", List.of(finding("c50-last", 3, "inconclusive", "inconclusive")));
        assertEquals(1, check("--baseline", b.toString(), "--runs", unsure.toString()));
        assertTrue(console.out().contains("FAIL corrupt-labels claim c50-last reproduced: inconclusive"), console.out());
        console.reset();
        Path missing = runWithFindings("20260101-000002-seed0", List.of(finding("c20-last", 3, "reproduced", "reproduced")));
        assertEquals(1, check("--baseline", b.toString(), "--runs", missing.toString()));
        assertTrue(console.out().contains("has no finding of that id"), console.out());
    }

    @Test
    void aRequiredVerdictFailsOnARunWithTooFewSeedsForOne() throws Exception {
        Path b = baseline(REQUIRES_VERDICT);
        Path one = runWithFindings("20260101-000000-seed0", List.of(finding("c50-last", 1, "inconclusive", "reproduced")));
        assertEquals(1, check("--baseline", b.toString(), "--runs", one.toString()), console.out());
        assertTrue(console.out().contains("1 seed gives no verdict (a verdict needs 3"), console.out());
    }

    @Test
    void aRequiredDirectionIsJudgedByTheWayTheSeedsPointAndSaysSo() throws Exception {
        Path b = baseline("""
                {"scale": "quick", "checks": [
                  {"study": "corrupt-labels", "claim": "c50-last", "direction": "reproduced"}
                ]}""");
        Path one = runWithFindings("20260101-000000-seed0", List.of(finding("c50-last", 1, "inconclusive", "reproduced")));
        assertEquals(0, check("--baseline", b.toString(), "--runs", one.toString()), console.out());
        assertTrue(console.out().contains("ok   corrupt-labels claim c50-last direction reproduced (effect -4, 1 seed"),
                console.out());
        console.reset();
        Path against = runWithFindings("20260101-000001-seed0", List.of(finding("c50-last", 1, "inconclusive", "contradicted")));
        assertEquals(1, check("--baseline", b.toString(), "--runs", against.toString()));
        assertTrue(console.out().contains("FAIL corrupt-labels claim c50-last direction reproduced: contradicted"), console.out());
    }

    @Test
    void aVerdictThatIsNotOneOfTheThreeIsBadInput() throws Exception {
        Path b = baseline("""
                [{"study": "corrupt-labels", "claim": "c50-last", "verdict": "holds"}]""");
        Path runs = runWithFindings("20260101-000000-seed0", List.of());
        assertEquals(2, check("--baseline", b.toString(), "--runs", runs.toString()));
        assertTrue(console.err().contains("\"verdict\"") && console.err().contains("holds"), console.err());
    }

    @Test
    void studyLimitsTheCheckToThatStudysEntries() throws Exception {
        Path b = baseline("""
                {"scale": "quick", "checks": [
                  {"study": "corrupt-labels", "claim": "c50-last", "verdict": "reproduced"},
                  {"study": "gan", "match": {"method": "mixup"}, "figure": "modes_covered", "min": 7}
                ]}""");
        Path runs = runWithFindings("20260101-000000-seed0", List.of(finding("c50-last", 3, "reproduced", "reproduced")));
        assertEquals(2, check("--baseline", b.toString(), "--runs", runs.toString()), "no gan run to check");
        assertEquals(0, check("--baseline", b.toString(), "--runs", runs.toString(), "--study", "corrupt-labels"), console.out());
        assertTrue(console.out().contains("1 passed, 0 failed"), console.out());
        assertEquals(2, check("--baseline", b.toString(), "--runs", runs.toString(), "--study", "speech"));
        assertTrue(console.err().contains("no checks for study 'speech'"), console.err());
    }
}
