package org.mixupsuite.sweep;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.apache.commons.io.output.TeeOutputStream;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.StudyCommand;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.RunDirectory;
import org.mixupsuite.core.run.Study;

/**
 * Runs one cell on an executor: the study's own command on the cell's command line, into the
 * cell's folder. A run folder left by an earlier attempt (a retry, a killed driver) is resumed from
 * its checkpoints; a finished one is not run again. A failure during the run is thrown back to
 * Spark, which retries the task, until the last attempt, which is recorded as failed; bad input
 * (exit 2) would fail the same way again, so it is recorded at once.
 */
final class CellTask implements Function<Cell, CellOutcome> {

    static final String LOG = "cell.log";
    /** The cell's record beside its run: status, run folder, and the claims the run tested. */
    static final String RECORD = "cell.json";

    private final int maxAttempts;

    CellTask(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @Override
    public CellOutcome call(Cell cell) throws Exception {
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        Path dir = Path.of(cell.dir());
        Files.createDirectories(dir);
        long start = System.nanoTime();
        CellOutcome done = SweepMetrics.recorded(dir);
        if (done != null && done.isComplete()) {
            return done;
        }
        Optional<Path> earlier = runFolder(dir, cell.study());
        List<String> args = new ArrayList<>();
        // a run that ended but was killed before its record was written starts afresh below (a new folder):
        // its claims were never recorded, and the window is the few milliseconds between two files
        if (earlier.isPresent() && !Files.exists(earlier.get().resolve(RunDirectory.METRICS))) {
            args.addAll(List.of("--resume", earlier.get().toString(), "--jobs", "1"));
        } else {
            args.addAll(cell.args());
            args.addAll(List.of("--out", dir.toString()));
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code;
        StudyCommand command = new StudyCommand(study(cell.study()));
        try (OutputStream file = new FileOutputStream(dir.resolve(LOG).toFile(), true);
             PrintStream log = new PrintStream(file, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(new TeeOutputStream(file, errors), true, StandardCharsets.UTF_8)) {
            log.println("== attempt " + (attempt + 1) + executor() + ": " + cell.study() + " " + String.join(" ", args));
            code = command.run(args.toArray(String[]::new), log, err);
        }
        Path run = command.lastMetrics() != null ? command.lastMetrics().getParent() : runFolder(dir, cell.study()).orElse(null);
        if (code == 0) {
            List<Map<String, Object>> claims = command.lastClaims().stream()
                    .map(c -> Json.MAPPER.<Map<String, Object>>convertValue(c, Json.MAPPER.getTypeFactory()
                            .constructMapType(LinkedHashMap.class, String.class, Object.class))).toList();
            return record(dir, cell, CellOutcome.COMPLETE, run, null, attempt, start, claims);
        }
        String message = errorLine(errors.toString(StandardCharsets.UTF_8), cell.study());
        if (code == 1 && attempt + 1 < maxAttempts) {
            throw new IllegalStateException("cell " + cell.id() + " failed (attempt " + (attempt + 1) + " of "
                    + maxAttempts + "): " + message);
        }
        return record(dir, cell, CellOutcome.FAILED, run, message, attempt, start, List.of());
    }

    private static CellOutcome record(Path dir, Cell cell, String status, Path run, String message, int attempt,
                                      long start, List<Map<String, Object>> claims) throws IOException {
        Path sweepDir = dir.getParent().getParent();
        CellOutcome outcome = new CellOutcome(cell.id(), status, run == null ? null : sweepDir.relativize(run).toString(),
                message, attempt + 1, (System.nanoTime() - start) / 1e9);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("outcome", outcome);
        record.put("claims", claims);
        Json.write(dir.resolve(RECORD), record);
        return outcome;
    }

    /** Where an attempt ran, for the cell's log: on a cluster, which executor (and so which worker) ran or lost it. */
    private static String executor() {
        SparkEnv env = SparkEnv.get();
        // a local master's one executor is the driver ("driver", Spark's own id for it): nothing to tell apart
        if (env == null || "driver".equals(env.executorId())) {
            return "";
        }
        return " on executor " + env.executorId() + " (" + env.blockManager().blockManagerId().host() + ")";
    }

    /** The newest study run folder in a cell's folder. */
    static Optional<Path> runFolder(Path cellDir, String study) throws IOException {
        Path parent = cellDir.resolve(study);
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(parent)) {
            return runs.filter(p -> Files.isRegularFile(p.resolve(RunDirectory.CONFIG)))
                    .max(Comparator.comparing(Path::getFileName));
        }
    }

    static Study study(String name) {
        return ServiceLoader.load(Study.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException("--study: no study named '" + name + "' on the classpath"));
    }

    /** The study command's own error line ("mixup <study>: ..."), the last one if several; progress lines aside. */
    private static String errorLine(String text, String study) {
        String prefix = "mixup " + study + ":";
        return text.lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b)
                .map(l -> l.substring(prefix.length()).strip()).orElse("failed without a message (see " + LOG + ")");
    }
}
