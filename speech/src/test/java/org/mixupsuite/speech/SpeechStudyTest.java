package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.testing.Console;

/** The study end to end at smoke scale, through the launcher, on a tiny Speech Commands folder of tones. */
class SpeechStudyTest {

    @TempDir
    Path tmp;

    private final Console console = new Console();

    @Test
    @SuppressWarnings("unchecked")
    void smokeRunWritesACompleteRunThatCanBeEvaluatedOnOtherData() throws Exception {
        Path data = TestWavs.speechCommands(tmp.resolve("data"), new String[] {"go", "stop", "yes"}, 6, 2, 3);
        Path runs = tmp.resolve("runs");
        assertEquals(0, console.run("speech", "--scale", "smoke", "--data", data.toString(), "--out", runs.toString()),
                console.err());
        Path dir = Console.onlyRun(runs, "speech");
        Map<String, Object> metrics = Json.readObject(dir.resolve("metrics.json"));
        assertEquals("speech", metrics.get("study"));
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) metrics.get("conditions");
        assertEquals(List.of("lenet/erm", "lenet/mixup", "vgg11/erm", "vgg11/mixup"),
                conditions.stream().map(c -> c.get("model") + "/" + c.get("method")).toList());
        for (Map<String, Object> c : conditions) {
            assertEquals("complete", c.get("status"));
            for (String f : List.of("val_error", "test_error", "val_error_best")) {
                double v = ((Number) c.get(f)).doubleValue();
                assertTrue(v >= 0 && v <= 100, f + " = " + v);
            }
            assertEquals(null, c.get("feature_clips_per_s"), "no augmentation: the features are made once");
        }
        Map<String, Object> config = Json.readObject(dir.resolve("config.json"));
        Map<String, Object> settings = (Map<String, Object>) config.get("settings");
        // the smoke preset is the paper's schedule over 3 epochs: a step after epochs 1 and 2, one warm-up epoch
        Map<String, Object> lr = (Map<String, Object>) settings.get("learning_rate");
        assertEquals(List.of(1, 2), lr.get("divided_by_10_after_epochs"));
        List<Number> perEpoch = (List<Number>) lr.get("per_epoch");
        assertEquals(3, perEpoch.size());
        assertEquals(perEpoch.get(0).doubleValue() / 100, perEpoch.get(2).doubleValue(), 1e-12);
        assertEquals(1, settings.get("mixup_warmup_epochs"));
        assertEquals(Map.of("on", false), settings.get("augmentation"));
        assertEquals(List.of("go", "stop", "yes"), settings.get("words"));
        assertEquals(0, ((Map<String, Object>) settings.get("data")).get("speakers_in_several_splits"));
        for (String chart : List.of("validation-error-lenet.png", "validation-error-vgg11.png", "final-errors.png",
                "confusion-vgg11-mixup-a0.2.png", "spectrograms.png")) {
            assertTrue(Files.size(dir.resolve(chart)) > 5_000, chart);
        }
        assertTrue(Files.readString(dir.resolve("history.csv")).startsWith("condition,model,method,alpha,seed,epoch"));
        assertFalse(Files.exists(dir.resolve("checkpoints")));
        assertTrue(Files.isRegularFile(dir.resolve("models/lenet-erm-seed0.zip")));

        // new clips of two of the three words, plus a word the models never heard
        Path other = TestWavs.speechCommands(tmp.resolve("other"), new String[] {"stop", "yes", "zebra"}, 3, 1, 9);
        assertEquals(0, console.run("speech", "--evaluate", dir.toString(), "--data", other.toString()), console.err());
        assertTrue(console.out().contains("zebra"), "reports the unknown word: " + console.out());
        Path evaluation;
        try (Stream<Path> s = Files.list(dir.resolve("evaluations"))) {
            evaluation = s.findFirst().orElseThrow();
        }
        Map<String, Object> doc = Json.readObject(evaluation.resolve("evaluation.json"));
        assertEquals(6, doc.get("clips"));
        assertEquals(List.of("stop", "yes"), doc.get("words_evaluated"));
        List<Map<String, Object>> evaluated = (List<Map<String, Object>>) doc.get("conditions");
        assertEquals(4, evaluated.size());
        assertEquals(List.of("stop", "yes"), List.copyOf(((Map<String, Object>) evaluated.get(0).get("accuracy_per_word")).keySet()));
        assertTrue(Files.size(evaluation.resolve("confusion-lenet-erm.png")) > 5_000);
        assertTrue(Files.readString(evaluation.resolve("per-word-accuracy.csv")).startsWith("word,clips,lenet-erm"));
    }

    /** Augmentation only when asked for: then every epoch's features are made afresh, and config.json says how. */
    @Test
    @SuppressWarnings("unchecked")
    void augmentAsksForFreshlyAugmentedClipsEachEpoch() throws Exception {
        Path data = TestWavs.speechCommands(tmp.resolve("data"), new String[] {"go", "stop"}, 6, 2, 3);
        Path runs = tmp.resolve("runs");
        assertEquals(0, console.run("speech", "--scale", "smoke", "--models", "lenet", "--augment", "--data",
                data.toString(), "--out", runs.toString()), console.err());
        Path dir = Console.onlyRun(runs, "speech");
        Map<String, Object> settings = (Map<String, Object>) Json.readObject(dir.resolve("config.json")).get("settings");
        Map<String, Object> augmentation = (Map<String, Object>) settings.get("augmentation");
        assertEquals(true, augmentation.get("on"));
        assertEquals(100.0, ((Number) augmentation.get("max_shift_ms")).doubleValue());
        for (Map<String, Object> c : (List<Map<String, Object>>) Json.readObject(dir.resolve("metrics.json")).get("conditions")) {
            assertTrue(((Number) c.get("feature_clips_per_s")).doubleValue() > 0);
            double wait = ((Number) c.get("data_wait_share")).doubleValue();
            assertTrue(wait > 0 && wait < 1, "the first epoch waits for its features, later ones may not: " + wait);
        }
    }

    @Test
    void badOptionsAndBadFoldersExitWithTwoNamingTheProblem() throws Exception {
        Path data = TestWavs.speechCommands(tmp.resolve("data"), new String[] {"go", "stop"}, 3, 1, 3);
        assertEquals(2, console.run("speech", "--scale", "smoke", "--models", "lenet,resnet", "--data", data.toString()));
        assertTrue(console.err().contains("resnet"), console.err());
        assertEquals(2, console.run("speech", "--scale", "smoke", "--alpha", "0", "--data", data.toString()));
        assertEquals(2, console.run("speech", "--scale", "smoke", "--pool", "8x4", "--data", data.toString()));
        assertTrue(console.err().contains("too small"), console.err());
        assertEquals(2, console.run("speech", "--scale", "smoke", "--data", tmp.resolve("missing").toString()));
        assertEquals(2, console.run("speech", "--evaluate", data.toString(), "--data", data.toString()));
        assertTrue(console.err().contains("config.json"), console.err());
    }

}
