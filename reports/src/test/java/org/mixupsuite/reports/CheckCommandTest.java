package org.mixupsuite.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixupsuite.reports.ReportFixtures.condition;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.run.Json;

class CheckCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(String... args) {
        return new CheckCommand().run(args, new PrintStream(out), new PrintStream(err));
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
        assertEquals(0, check("--baseline", baseline(MIXUP_RESISTS).toString(), "--runs", runs.toString()), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertEquals("2 passed, 0 failed", lines.get(2));
    }

    @Test
    void failsWithExitOneWhenAFigureLeavesItsRange() throws Exception {
        Path runs = tmp.resolve("runs");
        ReportFixtures.run(runs, "corrupt-labels", "20260101-000000-seed0", "quick", List.of(
                condition("erm", 0.5, "train_error_corrupted", 15.0),
                condition("mixup", 0.5, "train_error_corrupted", 14.0)));
        assertEquals(1, check("--baseline", baseline(MIXUP_RESISTS).toString(), "--runs", runs.toString()));
        assertTrue(out.toString().contains("FAIL corrupt-labels"), out.toString());
        assertTrue(out.toString().endsWith("1 passed, 1 failed\n"), out.toString());
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
        assertEquals(0, check("--baseline", baseline(MIXUP_RESISTS).toString(), "--runs", runs.toString()), out.toString());
    }

    @Test
    void badBaselineOrMissingRunExitsWithTwo() throws Exception {
        Path runs = tmp.resolve("runs");
        assertEquals(2, check("--baseline", tmp.resolve("none.json").toString(), "--runs", runs.toString()));
        assertTrue(err.toString().contains("none.json"));
        assertEquals(2, check("--baseline", baseline("{\"checks\": [{\"study\": \"gan\", \"figure\": \"x\"}]}").toString()));
        assertTrue(err.toString().contains("neither"), err.toString());
        assertEquals(2, check("--baseline", baseline("[{\"study\": \"gan\", \"figure\": \"x\", \"min\": 5, \"max\": 1}]").toString()));
        assertEquals(2, check("--baseline", baseline(MIXUP_RESISTS).toString(), "--runs", runs.toString()));
        assertTrue(err.toString().contains("no finished corrupt-labels run at scale quick"), err.toString());
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
        assertTrue(err.toString().contains("never overwrites"), err.toString());
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
        assertEquals(0, check("--baseline", b.toString(), "--runs", good.toString()), out.toString());
        assertTrue(out.toString().contains("ok   corrupt-labels claim c50-last reproduced (effect -4 ± 1.5, 3 seeds"), out.toString());
        out.reset();
        Path unsure = runWithFindings("20260101-000001-seed0", List.of(finding("c50-last", 3, "inconclusive", "inconclusive")));
        assertEquals(1, check("--baseline", b.toString(), "--runs", unsure.toString()));
        assertTrue(out.toString().contains("FAIL corrupt-labels claim c50-last reproduced: inconclusive"), out.toString());
        out.reset();
        Path missing = runWithFindings("20260101-000002-seed0", List.of(finding("c20-last", 3, "reproduced", "reproduced")));
        assertEquals(1, check("--baseline", b.toString(), "--runs", missing.toString()));
        assertTrue(out.toString().contains("has no finding of that id"), out.toString());
    }

    @Test
    void aOneSeedRunIsJudgedByItsIndicationAndSaysSo() throws Exception {
        Path b = baseline(REQUIRES_VERDICT);
        Path one = runWithFindings("20260101-000000-seed0", List.of(finding("c50-last", 1, "inconclusive", "reproduced")));
        assertEquals(0, check("--baseline", b.toString(), "--runs", one.toString()), out.toString());
        assertTrue(out.toString().contains("1 seed, indicative"), out.toString());
        out.reset();
        Path against = runWithFindings("20260101-000001-seed0", List.of(finding("c50-last", 1, "inconclusive", "contradicted")));
        assertEquals(1, check("--baseline", b.toString(), "--runs", against.toString()));
    }

    @Test
    void aVerdictThatIsNotOneOfTheThreeIsBadInput() throws Exception {
        Path b = baseline("""
                [{"study": "corrupt-labels", "claim": "c50-last", "verdict": "holds"}]""");
        Path runs = runWithFindings("20260101-000000-seed0", List.of());
        assertEquals(2, check("--baseline", b.toString(), "--runs", runs.toString()));
        assertTrue(err.toString().contains("\"verdict\"") && err.toString().contains("holds"), err.toString());
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
        assertEquals(0, check("--baseline", b.toString(), "--runs", runs.toString(), "--study", "corrupt-labels"), out.toString());
        assertTrue(out.toString().contains("1 passed, 0 failed"), out.toString());
        assertEquals(2, check("--baseline", b.toString(), "--runs", runs.toString(), "--study", "speech"));
        assertTrue(err.toString().contains("no checks for study 'speech'"), err.toString());
    }
}
