package org.mixupsuite.core.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.mixupsuite.core.BadInputException;

/**
 * A run's folder {@code <out>/<study>/<run-id>/} and the names of the files in it. A new run never
 * reuses a folder: the id gets a suffix until the directory can be created fresh.
 */
public record RunDirectory(Path dir) {

    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.json";
    public static final String HISTORY = "history.csv";
    public static final String CHECKPOINTS = "checkpoints";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static RunDirectory create(Path out, String study, long seed) throws IOException {
        return create(out, study, "seed" + seed);
    }

    /** A new folder {@code <out>/<study>/<time>-<tag>}, e.g. a sweep's ({@code ...-sweep}). */
    public static RunDirectory create(Path out, String study, String tag) throws IOException {
        Path studyDir = out.resolve(study);
        Files.createDirectories(studyDir);
        String base = LocalDateTime.now().format(ID_TIME) + "-" + tag;
        for (int attempt = 1; ; attempt++) {
            Path candidate = studyDir.resolve(attempt == 1 ? base : base + "-" + attempt);
            try {
                return new RunDirectory(Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException e) {
                // another run started in the same second: take the next suffix
            }
        }
    }

    /** An existing run folder to resume: it must have a config and must not be finished. */
    public static RunDirectory forResume(Path dir) {
        RunDirectory run = new RunDirectory(dir);
        if (!Files.isRegularFile(run.config())) {
            throw new BadInputException(dir, "not a run folder (no " + CONFIG + ")");
        }
        if (Files.exists(run.metrics())) {
            throw new BadInputException(dir, "this run is already complete (" + METRICS
                    + " exists); start a new run instead of resuming it");
        }
        return run;
    }

    public Path config() {
        return dir.resolve(CONFIG);
    }

    public Path metrics() {
        return dir.resolve(METRICS);
    }

    public Path history() {
        return dir.resolve(HISTORY);
    }

    public Path checkpoints() {
        return dir.resolve(CHECKPOINTS);
    }

    public Path checkpoint(String conditionId) {
        return checkpoints().resolve(conditionId);
    }
}
