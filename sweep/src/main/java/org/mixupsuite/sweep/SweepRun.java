package org.mixupsuite.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.findings.Findings;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.Provenance;
import org.mixupsuite.core.run.RunDirectory;

/**
 * The sweep's driver: its run folder, one Spark job per cell (so that a cell that fails for good
 * ends its own job, not the others'), sweep.json updated as each cell ends, then the aggregated
 * metrics.json and charts. Finished cells live in their own folders, so a killed driver loses none.
 */
final class SweepRun {

    static final String SWEEP = "sweep.json";
    static final String CELLS = "cells";

    private final SweepPlan plan;
    private final Path resumeDir;
    private final List<String> args;
    private final PrintStream out;
    private final Map<String, CellOutcome> outcomes = new LinkedHashMap<>();

    SweepRun(SweepPlan plan, Path resumeDir, List<String> args, PrintStream out) {
        this.plan = plan;
        this.resumeDir = resumeDir;
        this.args = args;
        this.out = out;
    }

    int execute() throws Exception {
        RunDirectory run = resumeDir != null ? forResume(resumeDir) : RunDirectory.create(plan.out(), plan.study(), "sweep");
        List<Cell> cells = plan.cells(run.dir());
        if (resumeDir == null) {
            writeConfig(run);
        }
        List<Cell> pending = new ArrayList<>();
        for (Cell c : cells) {
            CellOutcome earlier = SweepMetrics.recorded(Path.of(c.dir()));
            outcomes.put(c.id(), earlier != null ? earlier : CellOutcome.pending(c.id()));
            if (earlier == null || !earlier.isComplete()) {
                pending.add(c);
            }
        }
        writeSweep(run, cells);
        String master = master();
        out.printf("sweep %s: %d cells (%d grid points x %d seeds), %d to run, on %s%n", plan.study(), cells.size(),
                plan.grid().points().size(), plan.seedCount(), pending.size(), master);
        out.println("sweep folder: " + run.dir());
        out.println("  if interrupted: ./mixup sweep --resume " + run.dir());
        long start = System.nanoTime();
        if (!pending.isEmpty()) {
            runOnSpark(pending, master, run, cells);
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        Map<String, Object> metrics = SweepMetrics.write(run, plan, cells, outcomes);
        long failed = outcomes.values().stream().filter(o -> !o.isComplete()).count();
        out.printf(Locale.ROOT, "%d of %d cells complete, %d failed; %.1f min%n", cells.size() - failed, cells.size(), failed, minutes);
        outcomes.values().stream().filter(o -> !o.isComplete())
                .forEach(o -> out.println("  failed " + o.id() + ": " + o.message()));
        if (metrics.get("findings") instanceof List<?> findings && !findings.isEmpty()) {
            out.println(Findings.TABLE_HEADER);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> f = (List<Map<String, Object>>) findings;
            Findings.print(f, null, out);
        }
        out.println("wrote " + run.metrics());
        if (failed > 0) {
            out.println("re-run the failed cells with: ./mixup sweep --resume " + run.dir());
            return 1;
        }
        return 0;
    }

    private static RunDirectory forResume(Path dir) {
        RunDirectory run = new RunDirectory(dir);
        Map<String, Object> sweep = Json.readObject(dir.resolve(SWEEP));
        if (Files.exists(run.metrics()) && sweep.get("cells") instanceof List<?> cells
                && cells.stream().allMatch(c -> c instanceof Map<?, ?> m && CellOutcome.COMPLETE.equals(m.get("status")))) {
            throw new BadInputException(dir, "every cell of this sweep is complete; start a new sweep instead of resuming it");
        }
        return run;
    }

    /** The master given, else spark-submit's, else this machine with one slot per OpenMP thread group. */
    private String master() {
        if (plan.master() != null) {
            return plan.master();
        }
        String submitted = new SparkConf().get("spark.master", null);
        return submitted != null ? submitted : "local[" + CommonOptions.defaultJobs() + "," + plan.maxAttempts() + "]";
    }

    private void runOnSpark(List<Cell> pending, String master, RunDirectory run, List<Cell> cells) throws Exception {
        SparkConf conf = new SparkConf().setAppName("mixup sweep " + plan.study()).setMaster(master)
                .set("spark.task.maxFailures", String.valueOf(plan.maxAttempts()))
                .set("spark.ui.showConsoleProgress", "false");
        ExecutorSettings.apply(conf, System.getenv(), System.getProperties());
        if (master.startsWith("local")) {
            // local[N] already counts one slot per OMP thread group; no web UI or network name needed here
            conf.set("spark.ui.enabled", "false").set("spark.driver.host", "localhost")
                    .set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            // a cell's trainings use OMP_NUM_THREADS cores; executors must not oversubscribe theirs
            conf.set("spark.task.cpus", conf.get(ExecutorSettings.ENV + "OMP_NUM_THREADS"));
        }
        CellTask task = new CellTask(plan.maxAttempts());
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            // a job per cell, submitted together: Spark runs as many as it has slots, in this order
            ExecutorService submitters = Executors.newFixedThreadPool(Math.min(pending.size(), 64));
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (Cell c : pending) {
                    jobs.add(submitters.submit(() -> {
                        CellOutcome o;
                        try {
                            o = spark.parallelize(List.of(c), 1).map(task).collect().get(0);
                        } catch (Exception e) {
                            // every attempt threw (or an executor was lost): the cell failed, the others go on
                            o = new CellOutcome(c.id(), CellOutcome.FAILED, null, rootMessage(e), plan.maxAttempts(), 0);
                        }
                        finished(o, run, cells);
                        return null;
                    }));
                }
                for (Future<?> f : jobs) {
                    f.get();
                }
            } finally {
                submitters.shutdownNow();
            }
        }
    }

    private synchronized void finished(CellOutcome o, RunDirectory run, List<Cell> cells) throws IOException {
        outcomes.put(o.id(), o);
        out.printf(Locale.ROOT, "  %-8s %s (%.0f s, attempt %d)%s%n", o.status(), o.id(), o.seconds(), o.attempts(),
                o.message() == null ? "" : ": " + o.message());
        writeSweep(run, cells);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        // Spark's own errors (an application the master gave up on) may carry no message
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private void writeConfig(RunDirectory run) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("study", plan.study());
        config.put("kind", "sweep");
        config.put("args", args);
        config.put("scale", plan.scale().id());
        config.put("seed", plan.seed());
        config.put("seeds", plan.seeds());
        config.put("grid", plan.grid().axes());
        config.put("cell_options", plan.fixed());
        config.put("master", master());
        config.put("task_attempts", plan.maxAttempts());
        config.put("environment", Provenance.environment());
        Json.write(run.config(), config);
    }

    private synchronized void writeSweep(RunDirectory run, List<Cell> cells) throws IOException {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("study", plan.study());
        sweep.put("grid", plan.grid().axes());
        sweep.put("seeds", plan.seeds());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Cell c : cells) {
            CellOutcome o = outcomes.get(c.id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("point", c.point());
            m.put("seed", c.seed());
            m.put("args", c.args());
            m.put("status", o.status());
            m.put("run", o.run());
            m.put("attempts", o.attempts());
            m.put("seconds", o.seconds());
            if (o.message() != null) {
                m.put("message", o.message());
            }
            list.add(m);
        }
        sweep.put("cells", list);
        Json.write(run.dir().resolve(SWEEP), sweep);
    }
}
