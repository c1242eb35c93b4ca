package org.mixupsuite.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.train.ClassificationExperiment;

/**
 * The final model of every condition and seed, kept in the run folder's {@code models/} (the runner
 * deletes checkpoints/ when the run is done), with the test confusion matrix beside it, so that a
 * finished run can be evaluated on other data and its charts redrawn.
 */
final class ModelFiles {

    static final String DIR = "models";
    private static final Pattern NAME = Pattern.compile("(.+)-seed(-?\\d+)\\.zip");

    /** A stored model: its condition slug and seed. */
    record Stored(Path file, String slug, long seed) {
    }

    private ModelFiles() {
    }

    /** models/ of the run a condition belongs to. */
    static Path dir(ConditionContext ctx) {
        return ctx.runDirectory().resolve(DIR);
    }

    /** The file ClassificationExperiment keeps a finished condition's model in. */
    static Path model(Path dir, String slug, long seed) {
        return ClassificationExperiment.modelFile(dir.getParent(), slug, seed);
    }

    static Path confusion(Path dir, String slug, long seed) {
        return dir.resolve(slug + "-seed" + seed + ".confusion.json");
    }

    static void saveConfusion(Path file, long[][] counts) throws IOException {
        Json.write(file, counts);
    }

    static long[][] readConfusion(Path file) {
        return Json.read(file, long[][].class);
    }

    static List<Stored> list(Path runDir) {
        Path dir = runDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, "no trained models here; was this run made by ./mixup speech "
                    + "and did it finish?");
        }
        List<Stored> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(new Stored(p, m.group(1), Long.parseLong(m.group(2))));
                }
            }
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot list: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new BadInputException(dir, "holds no <condition>-seed<N>.zip model");
        }
        return out;
    }
}
