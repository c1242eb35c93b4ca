package org.mixupsuite.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.cli.Main;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.testing.SyntheticImages;

class AblationStudyTest {

    @TempDir
    Path tmp;

    @Test
    void eachArmTrainsWithItsOwnStrategy() {
        ImageSet train = new ImageSet(new float[8 * 4], new int[] {0, 1, 2, 3, 0, 1, 2, 3}, 4, 1, 2, 2);
        Map<String, Map<String, Object>> expected = Map.of(
                "erm", Map.of("kind", "erm"),
                "mixup", Map.of("kind", "mixup", "alpha", 1.0, "lambda", "per-batch", "pairing", "shuffle"),
                "mixup-k3", Map.of("kind", "dirichlet", "alpha", 1.0, "k", 3),
                "mixup-k4", Map.of("kind", "dirichlet", "alpha", 1.0, "k", 4),
                "two-loaders", Map.of("kind", "mixup", "alpha", 1.0, "lambda", "per-batch", "pairing", "two-loaders"),
                "same-label", Map.of("kind", "mixup", "alpha", 1.0, "lambda", "per-batch", "pairing", "same-label"),
                "per-example-lambda", Map.of("kind", "mixup", "alpha", 1.0, "lambda", "per-example", "pairing", "shuffle"));
        List<AblationArm> arms = AblationArm.all("mlp", 1.0);
        assertEquals(expected.keySet(), Set.copyOf(arms.stream().map(AblationArm::arm).toList()));
        for (AblationArm arm : arms) {
            assertEquals(expected.get(arm.arm()), arm.strategy(train).describe(), arm.arm());
            assertEquals(arm.arm().equals("two-loaders") ? 16 : 8, arm.rowsReadPerEpoch(8));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void smokeRunComparesEveryArmOnTheSameBudget() throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 300, 200, 4, 5);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.discover().run(new String[] {"ablation", "--scale", "smoke", "--data", data.toString(), "--out",
                tmp.resolve("runs").toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString());
        Path dir;
        try (Stream<Path> s = Files.list(tmp.resolve("runs").resolve("ablation"))) {
            dir = s.findFirst().orElseThrow();
        }
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) Json.readObject(dir.resolve("metrics.json"))
                .get("conditions");
        assertEquals(7, conditions.size());
        for (Map<String, Object> c : conditions) {
            double error = ((Number) c.get("test_error")).doubleValue();
            assertTrue(error < 75, c.get("arm") + ": test error " + error + " is not below chance (75% for 4 classes)");
            // half the labels replaced at smoke scale too; the real half is learned, which the flag records
            double real = ((Number) c.get("train_error_real")).doubleValue();
            assertEquals(real < 0.8 * 75 ? 1.0 : 0.0, ((Number) c.get("learned")).doubleValue(), c.toString());
        }
        assertTrue(Files.size(dir.resolve("test-error-per-arm.png")) > 5_000);
        assertTrue(Files.size(dir.resolve("step-time-per-k.png")) > 5_000);
    }

    @Test
    void unknownArmIsBadInput() throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 40, 20, 4, 5);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.discover().run(new String[] {"ablation", "--arms", "mixup,magic", "--data", data.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        assertTrue(err.toString().contains("magic"), err.toString());
    }

    @Test
    void smokeShrinksTheQuickExperiment() {
        AblationStudy.Preset quick = AblationStudy.Preset.of(org.mixupsuite.core.run.Scale.QUICK);
        AblationStudy.Preset smoke = AblationStudy.Preset.of(org.mixupsuite.core.run.Scale.SMOKE);
        assertEquals(List.of(quick.alpha(), quick.corruption(), quick.learningRate()),
                List.of(smoke.alpha(), smoke.corruption(), smoke.learningRate()));
        assertEquals(200, AblationStudy.Preset.of(org.mixupsuite.core.run.Scale.PAPER).epochs());
    }

    @Test
    void eachArmIsReadAgainstMixupAndAgainstERMAndTheQuickPresetHasAGainToLose() {
        List<String> ids = AblationClaims.of(AblationArm.all("mlp", 32.0)).stream().map(c -> c.id()).toList();
        assertEquals(List.of("mixup-gain", "k3-no-gain", "k3-beats-erm", "k4-no-gain", "k4-beats-erm",
                "two-loaders-no-gain", "two-loaders-beats-erm", "calibration", "same-label-loses",
                "same-label-no-gain-over-erm"), ids);
        var sameVsErm = AblationClaims.of(AblationArm.all("mlp", 32.0)).stream()
                .filter(c -> c.id().equals("same-label-no-gain-over-erm")).findFirst().orElseThrow();
        // "no better than ERM": the same-label arm's error minus ERM's is not below minus the margin
        assertEquals(Map.of("arm", "same-label"), sameVsErm.treatment());
        assertEquals(Map.of("arm", "erm"), sameVsErm.reference());
        AblationStudy.Preset quick = AblationStudy.Preset.of(org.mixupsuite.core.run.Scale.QUICK);
        assertEquals(List.of(0.5, 32.0, 4000, 40), List.of(quick.corruption(), quick.alpha(), quick.trainSize(), quick.epochs()));
        AblationStudy.Preset paper = AblationStudy.Preset.of(org.mixupsuite.core.run.Scale.PAPER);
        assertEquals(List.of(0.0, 1.0), List.of(paper.corruption(), paper.alpha()), "the paper's ablation is on clean labels");
    }
}
