package org.mixupsuite.core.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import org.apache.commons.io.FileUtils;

/**
 * Runs an experiment into a run folder: writes config.json, runs every condition on every seed
 * (several at once when {@code jobs} &gt; 1), keeps each one's checkpoint so an interrupted run can
 * be resumed, then writes metrics.json atomically, history.csv and the charts, and removes the
 * checkpoints. Finished conditions are never run again on resume.
 */
public final class StudyRunner<C extends Condition> {

    private final String study;
    private final Experiment<C> experiment;
    private final RunSettings settings;
    private final RunDirectory run;
    private final PrintStream out;
    private final PrintStream progress;
    private final HistoryLog history;
    /** Which engine replacements ran, per model, in this process's part of the run. */
    private Map<String, List<String>> engineModels = Map.of();

    public StudyRunner(String study, Experiment<C> experiment, RunSettings settings, RunDirectory run, PrintStream out) {
        this(study, experiment, settings, run, out, System.err);
    }

    /** @param progress where the progress bar goes: stderr for a user, a log file for a sweep's cell */
    public StudyRunner(String study, Experiment<C> experiment, RunSettings settings, RunDirectory run, PrintStream out,
                       PrintStream progress) {
        this.study = study;
        this.experiment = experiment;
        this.settings = settings;
        this.run = run;
        this.out = out;
        this.progress = progress;
        this.history = new HistoryLog(run.history());
    }

    /** Writes config.json for a new run; {@code args} are the command line that resume will replay. */
    public void writeConfig(List<String> args) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("study", study);
        config.put("args", args);
        config.put("scale", settings.scale().id());
        config.put("seed", settings.seed());
        config.put("seeds", settings.seeds());
        config.put("jobs", settings.jobs());
        config.put("settings", experiment.settings());
        config.put("conditions", experiment.conditions().stream().map(Condition::settings).toList());
        config.put("environment", Provenance.environment());
        Json.write(run.config(), config);
    }

    public RunResults<C> execute() throws IOException, InterruptedException {
        // before the pool: its threads inherit the log
        engineModels = EngineLog.begin();
        List<RunResults.SeedResult<C>> slots = new ArrayList<>();
        List<Task> pending = new ArrayList<>();
        for (C condition : experiment.conditions()) {
            for (long seed : settings.seeds()) {
                String id = condition.slug() + "-seed" + seed;
                history.reserve(id);
                CheckpointStore store = new CheckpointStore(run.checkpoint(id), settings.checkpointSeconds());
                Optional<ConditionResult> done = store.loadResult();
                if (done.isPresent()) {
                    history.set(id, condition, seed, done.get().history());
                    slots.add(new RunResults.SeedResult<>(condition, seed, done.get()));
                } else {
                    slots.add(null);
                    pending.add(new Task(slots.size() - 1, condition, seed, id, store));
                }
            }
        }
        if (pending.size() < slots.size()) {
            out.printf("resuming: %d of %d condition runs already finished%n", slots.size() - pending.size(), slots.size());
        }
        long total = pending.stream().mapToLong(t -> experiment.workUnits(t.condition)).sum();
        Throwable failure = null;
        try (ProgressBar bar = Progress.bar(study, total, progress)) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.jobs()));
            try {
                List<Future<ConditionResult>> futures = new ArrayList<>();
                for (Task t : pending) {
                    futures.add(pool.submit(() -> runOne(t, bar)));
                }
                for (int i = 0; i < pending.size(); i++) {
                    try {
                        Task t = pending.get(i);
                        slots.set(t.slot, new RunResults.SeedResult<>(t.condition, t.seed, futures.get(i).get()));
                    } catch (ExecutionException e) {
                        if (failure == null) {
                            failure = e.getCause();
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        if (failure != null) {
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(failure.getMessage(), failure);
        }
        return new RunResults<>(Collections.unmodifiableList(slots));
    }

    /**
     * metrics.json, charts and the final history; then the checkpoints are no longer needed.
     *
     * @param declared what the study says of itself for readers of the run (headline figures, focus), added to metrics.json
     */
    public Map<String, Object> finish(RunResults<C> results, Map<String, Object> declared) throws IOException {
        history.flush();
        recordEngineModels();
        experiment.drawCharts(results, run.dir());
        Map<String, Object> metrics = Metrics.document(study, results, settings.seedCount(), experiment.claims());
        metrics.putAll(declared);
        // of the process that finished the run (a resumed run: the resuming process), charts included
        metrics.put("peak_rss_mb", Provenance.peakResidentMegabytes());
        Json.write(run.metrics(), metrics);
        FileUtils.deleteDirectory(run.checkpoints().toFile());
        return metrics;
    }

    /**
     * Adds to config.json's environment, per model built, the engine's replacements that ran
     * ({@code engine_models}); a resumed run adds the models its own process built to those recorded before.
     */
    @SuppressWarnings("unchecked")
    private void recordEngineModels() throws IOException {
        if (engineModels.isEmpty() || !Files.isRegularFile(run.config())) {
            return;
        }
        Map<String, Object> config = Json.readObject(run.config());
        Object env = config.get("environment");
        if (!(env instanceof Map)) {
            return;
        }
        Map<String, Object> environment = (Map<String, Object>) env;
        Map<String, Object> models = new LinkedHashMap<>();
        if (environment.get("engine_models") instanceof Map<?, ?> before) {
            before.forEach((k, v) -> models.put(String.valueOf(k), v));
        }
        synchronized (engineModels) {
            models.putAll(engineModels);
        }
        environment.put("engine_models", models);
        Json.write(run.config(), config);
    }

    private ConditionResult runOne(Task t, ProgressBar bar) throws Exception {
        ConditionContext ctx = new ConditionContext() {
            @Override
            public long seed() {
                return t.seed;
            }

            @Override
            public String label() {
                return t.id;
            }

            @Override
            public CheckpointStore checkpoints() {
                return t.store;
            }

            @Override
            public Path runDirectory() {
                return run.dir();
            }

            @Override
            public void recordHistory(List<Map<String, Object>> rows) {
                history.set(t.id, t.condition, t.seed, rows);
                history.flushQuietly();
            }

            @Override
            public void progress(long units) {
                bar.stepBy(units);
            }
        };
        ConditionResult result = experiment.run(t.condition, ctx);
        history.set(t.id, t.condition, t.seed, result.history());
        t.store.saveResult(result);
        if (!result.isComplete()) {
            out.printf("%n%s: %s: %s%n", t.id, result.status(), result.message());
        }
        return result;
    }

    private final class Task {
        final int slot;
        final C condition;
        final long seed;
        final String id;
        final CheckpointStore store;

        Task(int slot, C condition, long seed, String id, CheckpointStore store) {
            this.slot = slot;
            this.condition = condition;
            this.seed = seed;
            this.id = id;
            this.store = store;
        }
    }
}
