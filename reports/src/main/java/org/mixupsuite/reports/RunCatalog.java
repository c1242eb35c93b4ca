package org.mixupsuite.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.RunDirectory;

/**
 * Every run folder under a runs directory ({@code <runs>/<study>/<run-id>/}), split into finished
 * runs and skipped ones with the reason. Reading never fails on a bad folder: it is listed as skipped.
 */
public record RunCatalog(List<FinishedRun> finished, List<Skipped> skipped) {

    /** A folder that is not (yet) a complete run, and why. */
    public record Skipped(Path dir, String reason) {
    }

    public static RunCatalog scan(Path runs) {
        List<FinishedRun> finished = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            return new RunCatalog(finished, skipped);
        }
        for (Path studyDir : list(runs)) {
            if (!Files.isDirectory(studyDir)) {
                continue;
            }
            for (Path dir : list(studyDir)) {
                if (Files.isDirectory(dir)) {
                    read(studyDir.getFileName().toString(), dir).ifPresentOrElse(finished::add,
                            () -> skipped.add(new Skipped(dir, reason(dir))));
                }
            }
        }
        // run ids begin with their start time, so name order is age order within a study
        finished.sort(Comparator.comparing(FinishedRun::study).thenComparing(FinishedRun::id));
        return new RunCatalog(finished, skipped);
    }

    /** Reads one run folder, or empty when it is not a complete, readable run. */
    public static Optional<FinishedRun> read(String study, Path dir) {
        if (reason(dir) != null) {
            return Optional.empty();
        }
        Map<String, Object> config = Json.readObject(dir.resolve(RunDirectory.CONFIG));
        Map<String, Object> metrics = Json.readObject(dir.resolve(RunDirectory.METRICS));
        return Optional.of(new FinishedRun(study, dir, config, metrics));
    }

    /** Why a folder is not a usable run, or null when it is one. */
    static String reason(Path dir) {
        Path config = dir.resolve(RunDirectory.CONFIG);
        Path metrics = dir.resolve(RunDirectory.METRICS);
        if (!Files.isRegularFile(config)) {
            return "no " + RunDirectory.CONFIG + " (not a run folder)";
        }
        if (!Files.isRegularFile(metrics)) {
            return "no " + RunDirectory.METRICS + " (unfinished or interrupted; --resume it)";
        }
        try {
            Json.readObject(config);
            Map<String, Object> m = Json.readObject(metrics);
            if (!(m.get("conditions") instanceof List<?>)) {
                return RunDirectory.METRICS + " has no \"conditions\" list";
            }
        } catch (BadInputException e) {
            return e.getMessage();
        }
        return null;
    }

    /** Finished runs grouped by study, oldest first within each. */
    public Map<String, List<FinishedRun>> byStudy() {
        Map<String, List<FinishedRun>> out = new LinkedHashMap<>();
        finished.forEach(r -> out.computeIfAbsent(r.study(), k -> new ArrayList<>()).add(r));
        return out;
    }

    /** The newest finished run of a study, optionally of one scale only. */
    public Optional<FinishedRun> latest(String study, String scale) {
        return finished.stream()
                .filter(r -> r.study().equals(study))
                .filter(r -> scale == null || scale.equals(r.scale()))
                .reduce((a, b) -> b);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
