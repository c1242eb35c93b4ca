package org.mixupsuite.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.Metrics;
import org.mixupsuite.core.testing.Console;
import org.mixupsuite.core.testing.SyntheticImages;

/** Sweeps through Spark's local[2] master, as ./mixup sweep runs them on this machine. */
class SweepCommandTest {

    private final Console console = new Console();

    @Test
    void smokeGridOfARealStudyAggregatesItsCellsLikeAMultiSeedRun(@TempDir Path tmp) throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 400, 200, 4, 3);
        Path runs = tmp.resolve("runs");
        int code = console.run("sweep", "--study", "corrupt-labels", "--scale", "smoke", "--grid", "alpha=1,4",
                "--seeds", "2", "--master", "local[2]", "--out", runs.toString(), "--", "--data", data.toString());
        assertEquals(0, code, console.out() + console.err());
        Path sweep = Console.onlyRun(runs, "corrupt-labels");
        List<Map<String, Object>> cells = cells(sweep);
        assertEquals(4, cells.size());
        cells.forEach(c -> assertEquals("complete", c.get("status"), c.toString()));

        Map<String, Object> metrics = Json.readObject(sweep.resolve("metrics.json"));
        List<Map<String, Object>> rows = rows(metrics);
        // every condition of the study at both grid points, each over both seeds
        assertEquals(2 * 4, rows.size());
        Map<String, Object> mixup4 = rows.stream()
                .filter(r -> "mixup".equals(r.get("method")) && ((Number) r.get("grid_alpha")).doubleValue() == 4).findFirst().orElseThrow();
        assertEquals(List.of(0, 1), mixup4.get("seeds"));
        // the aggregate holds the cells' own figures, seed by seed
        List<?> perSeed = (List<?>) mixup4.get("test_error_last_per_seed");
        for (int seed = 0; seed < 2; seed++) {
            Map<String, Object> cell = cells.get(2 + seed);
            Map<String, Object> cellRow = rows(Json.readObject(sweep.resolve((String) cell.get("run")).resolve("metrics.json")))
                    .stream().filter(r -> "mixup".equals(r.get("method"))).findFirst().orElseThrow();
            assertEquals(((Number) cellRow.get("test_error_last")).doubleValue(), ((Number) perSeed.get(seed)).doubleValue(), 1e-12);
        }
        double mean = (((Number) perSeed.get(0)).doubleValue() + ((Number) perSeed.get(1)).doubleValue()) / 2;
        assertEquals(mean, ((Number) mixup4.get("test_error_last_mean")).doubleValue(), 1e-9);
        // the study's claims decided at each grid point over the seeds
        List<Map<String, Object>> findings = findings(metrics);
        assertTrue(findings.stream().anyMatch(f -> "c50-last[alpha=4]".equals(f.get("id")) && Integer.valueOf(2).equals(f.get("seeds"))),
                findings.toString());
        assertTrue(Files.isRegularFile(sweep.resolve("sweep-test_error_last-vs-alpha.png")));
        // its lines: one per method, each along both alphas (mixup's own alpha moves with the grid's)
        var lines = SweepCharts.lines(rows, "grid_alpha", "alpha", "test_error_last",
                (List<?>) metrics.get("figures"));
        assertEquals(4, lines.size(), lines.keySet().toString());
        lines.values().forEach(points -> assertEquals(2, points.size()));

        // a cell is the study's own run: the same figures as running it alone
        Path alone = tmp.resolve("alone");
        assertEquals(0, console.run("corrupt-labels", "--scale", "smoke", "--alpha", "4", "--seed", "1", "--data", data.toString(),
                "--out", alone.toString()));
        Map<String, Object> aloneMixup = rows(Json.readObject(Console.onlyRun(alone, "corrupt-labels").resolve("metrics.json")))
                .stream().filter(r -> "mixup".equals(r.get("method"))).findFirst().orElseThrow();
        assertEquals(((Number) aloneMixup.get("test_error_last")).doubleValue(), ((Number) perSeed.get(1)).doubleValue(), 1e-12);

        // a complete sweep is not resumed (nor silently overwritten)
        assertEquals(2, console.run("sweep", "--resume", sweep.toString()));
        assertTrue(console.err().contains("every cell of this sweep is complete"), console.err());
    }

    @Test
    void failingCellIsRetriedThenRecordedWhileTheOthersFinishAndResumeRerunsOnlyIt(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        int code = console.run("sweep", "--study", "flaky", "--scale", "smoke", "--grid", "fail=never,once,always",
                "--seeds", "2", "--master", "local[2,2]", "--out", runs.toString());
        assertEquals(1, code, console.out() + console.err());
        Path sweep = Console.onlyRun(runs, "flaky");
        Map<String, Map<String, Object>> byId = byId(cells(sweep));
        assertEquals("complete", byId.get("fail-never_seed-0").get("status"));
        assertEquals(1, byId.get("fail-never_seed-0").get("attempts"));
        // Spark's retry of the task resumed the cell's run and finished it
        assertEquals("complete", byId.get("fail-once_seed-1").get("status"));
        assertEquals(2, byId.get("fail-once_seed-1").get("attempts"));
        Map<String, Object> always = byId.get("fail-always_seed-0");
        assertEquals("failed", always.get("status"));
        assertEquals(2, always.get("attempts"));
        assertTrue(String.valueOf(always.get("message")).contains("told to fail (always)"), always.toString());
        assertTrue(console.out().contains("failed fail-always_seed-0"), console.out());

        // the finished cells are aggregated; the failed ones are listed
        Map<String, Object> metrics = Json.readObject(sweep.resolve("metrics.json"));
        assertEquals(2 * 2, rows(metrics).size());
        assertEquals(List.of("fail-always_seed-0", "fail-always_seed-1"), ((Map<?, ?>) metrics.get("sweep")).get("failed"));
        Map<String, Object> lower = findings(metrics).stream().filter(f -> "lower[fail=never]".equals(f.get("id"))).findFirst().orElseThrow();
        assertEquals(-1.0, ((Number) lower.get("effect")).doubleValue(), 1e-12);

        // a driver killed before it recorded anything: only the cells without a finished run run again
        Map<String, Object> state = Json.readObject(sweep.resolve(SweepRun.SWEEP));
        for (Object c : (List<?>) state.get("cells")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cell = (Map<String, Object>) c;
            cell.put("status", "pending");
        }
        Json.write(sweep.resolve(SweepRun.SWEEP), state);
        Files.delete(sweep.resolve("metrics.json"));
        console.reset();
        assertEquals(1, console.run("sweep", "--resume", sweep.toString()));
        assertTrue(console.out().contains("6 cells (3 grid points x 2 seeds), 2 to run"), console.out());
        assertEquals(1, attempts(sweep, "fail-never_seed-0"));
        assertEquals(2, attempts(sweep, "fail-once_seed-0"));
        assertEquals(4, attempts(sweep, "fail-always_seed-0"));
        assertTrue(Files.isRegularFile(sweep.resolve("metrics.json")));
    }

    @Test
    void badGridsAndOptionsAreRefusedBeforeAnythingRuns(@TempDir Path tmp) {
        String out = tmp.resolve("runs").toString();
        assertEquals(2, console.run("sweep", "--study", "flaky", "--grid", "colour=red", "--out", out));
        assertTrue(console.err().contains("no option --colour"), console.err());
        assertEquals(2, console.run("sweep", "--study", "flaky", "--grid", "seed=1,2", "--out", out));
        assertTrue(console.err().contains("'seed' is set by the sweep itself"), console.err());
        assertEquals(2, console.run("sweep", "--study", "nosuch", "--out", out));
        assertTrue(console.err().contains("no study named 'nosuch'"), console.err());
        assertEquals(2, console.run("sweep", "--grid", "alpha=1", "--out", out));
        assertTrue(console.err().contains("--study is required"), console.err());
        assertEquals(2, console.run("sweep", "--study", "flaky", "--seeds", "0", "--out", out));
        assertEquals(2, console.run("sweep", "--study", "flaky", "--engine", "turbo", "--out", out));
        assertTrue(console.err().contains("--engine: 'turbo' is not fast or dl4j"), console.err());
        assertTrue(Files.notExists(tmp.resolve("runs")), "nothing written");
    }

    @Test
    void everyCellsCommandLineNamesTheSweepsEngine() throws Exception {
        for (String engine : List.of("fast", "dl4j")) {
            org.apache.commons.cli.CommandLine cmd = org.mixupsuite.core.cli.CommonOptions.parser().parse(SweepCommand.options(),
                    new String[] {"--study", "flaky", "--grid", "value=1,2", "--seeds", "2", "--engine", engine});
            List<Cell> cells = SweepCommand.plan(cmd).cells(Path.of("sweep"));
            assertEquals(4, cells.size());
            for (Cell c : cells) {
                int at = c.args().indexOf("--engine");
                assertTrue(at >= 0 && engine.equals(c.args().get(at + 1)), c.args().toString());
            }
        }
    }

    @Test
    void dryRunEstimatesHoursFromPlannedWorkAndMeasuredRates(@TempDir Path tmp) throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 400, 200, 4, 3);
        Path rates = tmp.resolve("rates.json");
        Files.writeString(rates, """
                {"rates": [{"study": "corrupt-labels", "model": "mlp", "device": "test-cpu", "units_per_s": 2.0,
                            "unit": "examples", "source": "a test"}]}""");
        assertEquals(0, console.run("sweep", "--study", "corrupt-labels", "--scale", "smoke", "--grid", "corruption=0.2,0.8",
                "--seeds", "2", "--dry-run", "--rates", rates.toString(), "--out", tmp.resolve("runs").toString(), "--",
                "--data", data.toString()), console.err());
        String out = console.out();
        Matcher units = Pattern.compile("corruption-0.2_seed-0 +([0-9.]+) h test-cpu +\\((\\d+) units\\)").matcher(out);
        assertTrue(units.find(), out);
        long work = Long.parseLong(units.group(2));
        assertTrue(work > 0);
        assertEquals(work / 2.0 / 3600, Double.parseDouble(units.group(1)), 0.006);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "total on test-cpu: %.1f h", 4 * work / 2.0 / 3600)), out);
        assertTrue(Files.notExists(tmp.resolve("runs")), "a dry run writes nothing");

        console.reset();
        assertEquals(0, console.run("sweep", "--study", "corrupt-labels", "--scale", "smoke", "--grid", "corruption=0.2,0.8",
                "--seeds", "2", "--dry-run", "--executors", "4", "--rates", rates.toString(), "--out",
                tmp.resolve("runs").toString(), "--", "--data", data.toString()), console.err());
        // four cells of equal work on four executors: one cell's time
        assertTrue(console.out().contains(String.format(java.util.Locale.ROOT, "on 4 executors of one slot on test-cpu: about %.1f h",
                work / 2.0 / 3600)), console.out());

        console.reset();
        assertEquals(0, console.run("sweep", "--study", "flaky", "--scale", "smoke", "--dry-run", "--seeds", "1", "--out", tmp.resolve("runs").toString()));
        assertTrue(console.out().contains("no measured rate for flaky * at smoke scale on cpu-2core"), console.out());
    }

    private static int attempts(Path sweep, String cell) throws Exception {
        return (int) Files.readAllLines(sweep.resolve("cells").resolve(cell).resolve(CellTask.LOG)).stream()
                .filter(l -> l.startsWith("== attempt")).count();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cells(Path sweep) {
        return (List<Map<String, Object>>) Json.readObject(sweep.resolve(SweepRun.SWEEP)).get("cells");
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> cells) {
        Map<String, Map<String, Object>> m = new java.util.LinkedHashMap<>();
        cells.forEach(c -> m.put((String) c.get("id"), c));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> metrics) {
        return new ArrayList<>((List<Map<String, Object>>) metrics.get("conditions"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Map<String, Object> metrics) {
        Object f = metrics.get("findings");
        return f == null ? List.of() : (List<Map<String, Object>>) f;
    }

    @Test
    void aCellRecordWithoutItsRunIsNotFinished(@TempDir Path tmp) throws Exception {
        Path cell = tmp.resolve("sweep").resolve("cells").resolve("seed-0");
        Files.createDirectories(cell);
        Json.write(cell.resolve(CellTask.RECORD), Map.of("outcome",
                new CellOutcome("seed-0", CellOutcome.COMPLETE, "cells/seed-0/flaky/x", null, 1, 1.0)));
        assertNull(SweepMetrics.recorded(cell));
    }
}
