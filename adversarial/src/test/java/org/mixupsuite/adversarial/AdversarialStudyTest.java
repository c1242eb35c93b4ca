package org.mixupsuite.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.cli.Main;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.testing.Console;
import org.mixupsuite.core.testing.SyntheticImages;

class AdversarialStudyTest {

    @TempDir
    Path tmp;

    /** A smoke run on synthetic images; returns its run folder. */
    private Path smokeRun(String... extra) throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 500, 200, 4, 9);
        List<String> args = new ArrayList<>(List.of("adversarial", "--scale", "smoke", "--data", data.toString(), "--out",
                tmp.resolve("runs").toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.discover().run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertEquals(0, code, err.toString());
        try (Stream<Path> s = Files.list(tmp.resolve("runs").resolve("adversarial"))) {
            return s.findFirst().orElseThrow();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Path dir, String key) {
        return (List<Map<String, Object>>) Json.readObject(dir.resolve("metrics.json")).get(key);
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void smokeRunReportsEveryAttackPointOfEveryModel() throws Exception {
        Path dir = smokeRun();
        List<Map<String, Object>> rows = list(dir, "conditions");
        // 2 models (erm, mixup) x 2 boxes x 3 attacks (fgsm, i-fgsm, pgd) x (3 epsilons + the matched strength)
        assertEquals(48, rows.size());
        assertEquals(Set.of("fgsm", "i-fgsm", "pgd"), rows.stream().map(r -> r.get("attack")).collect(Collectors.toSet()));
        for (Map<String, Object> r : rows) {
            boolean matched = r.containsKey("strength");
            for (String key : List.of("model", "method", "attack", "box", "clean_error", "top1_error", "top5_error")) {
                assertTrue(r.containsKey(key), key + " missing in " + r);
            }
            // a row names one strength: an epsilon, or the matched rule (whose epsilon is a figure)
            assertTrue(matched != r.containsKey("epsilon"), "epsilon or strength, not both: " + r);
            double top1 = number(r, "top1_error");
            double top5 = number(r, "top5_error");
            assertTrue(top5 <= top1, "top-5 error cannot exceed top-1 error");
            if (!matched && number(r, "epsilon") == 0) {
                assertEquals(number(r, "clean_error"), top1, 1e-9, "epsilon 0 is the clean error");
            }
        }
        List<Map<String, Object>> matched = rows.stream().filter(r -> r.containsKey("strength")).toList();
        assertEquals(12, matched.size());
        // one seed, one epsilon: the ERM model's, carried by every model's rows
        assertEquals(1, matched.stream().map(r -> r.get("epsilon_matched")).distinct().count());
        Map<String, Object> ermWhiteFgsm = matched.stream().filter(r -> r.get("method").equals("erm")
                && r.get("attack").equals("fgsm") && r.get("box").equals("white")).findFirst().orElseThrow();
        double epsilon = number(ermWhiteFgsm, "epsilon_matched");
        assertTrue(epsilon > 0 && epsilon <= MatchedEpsilon.EPSILON_HIGH, "matched epsilon " + epsilon);
        double heldOutError = number(ermWhiteFgsm, "epsilon_matched_erm_error");
        if (number(ermWhiteFgsm, "epsilon_matched_reached") == 1) {
            assertEquals(MatchedEpsilon.PAPER_ERROR, heldOutError, MatchedEpsilon.TOLERANCE);
        } else {
            assertTrue(Math.abs(heldOutError - MatchedEpsilon.PAPER_ERROR) > MatchedEpsilon.TOLERANCE,
                    "a row that says not reached is outside the tolerance: " + heldOutError);
        }
        assertTrue(Files.size(dir.resolve("error-vs-epsilon-fgsm-white.png")) > 5_000);
        assertTrue(Files.size(dir.resolve("error-vs-epsilon-i-fgsm-black.png")) > 5_000);
        assertTrue(Files.size(dir.resolve("adversarial-examples-erm.png")) > 2_000);
        Map<String, Object> rule = (Map<String, Object>) ((Map<String, Object>) Json.readObject(dir.resolve("config.json"))
                .get("settings")).get("matched_epsilon");
        assertEquals(MatchedEpsilon.STRENGTH, rule.get("strength"), "config.json records the rule the rows name");

        // the trained models stay in the run folder, and a saved one gives back the clean error it was measured at
        try (Stream<Path> models = Files.list(dir.resolve("models"))) {
            assertEquals(2, models.filter(p -> p.toString().endsWith("-seed0.zip")).count(), "one model per target");
        }
        var erm = org.mixupsuite.core.train.Network.readModel(dir.resolve("models").resolve("erm-seed0.zip"));
        var test = org.mixupsuite.core.data.ImageDataLoader.load(tmp.resolve("data")).test()
                .head(AdversarialStudy.Preset.of(org.mixupsuite.core.run.Scale.SMOKE).attackSize());
        double clean = org.mixupsuite.core.train.Evaluation.errorPercent(
                org.mixupsuite.core.train.Evaluation.predict(erm, test.features()), test.labels());
        double measured = rows.stream().filter(r -> r.get("method").equals("erm") && !r.containsKey("strength"))
                .mapToDouble(r -> number(r, "clean_error")).findFirst().orElseThrow();
        assertEquals(measured, clean, 1e-9, "the saved ERM model's clean error");

        // attacking the saved model again gives the run's white-box figures back
        Console console = new Console();
        assertEquals(0, console.run("adversarial", "--scale", "smoke", "--attack-model",
                dir.resolve("models").resolve("erm-seed0.zip").toString(), "--epsilon", "0.1", "--data",
                tmp.resolve("data").toString()), console.err());
        String table = console.out();
        double fgsm = rows.stream().filter(r -> r.get("method").equals("erm") && r.get("attack").equals("fgsm")
                && r.get("box").equals("white") && r.get("epsilon") instanceof Number e && e.doubleValue() == 0.1)
                .mapToDouble(r -> number(r, "top1_error")).findFirst().orElseThrow();
        assertTrue(table.contains(String.format(java.util.Locale.ROOT, "clean top-1 error %.2f%%", measured)), table);
        String row = table.lines().filter(l -> l.startsWith("0.1 ")).findFirst().orElseThrow();
        assertEquals(fgsm, Double.parseDouble(row.trim().split("\\s+")[1]), 0.005, table);
        assertEquals(2, console.run("adversarial", "--attack-model", tmp.resolve("nothing.zip").toString()));
        assertTrue(console.err().contains("--attack-model"), console.err());
    }

    @Test
    void threeSeedsPoolTheMatchedRowsAndItsClaimsFindThem() throws Exception {
        Path dir = smokeRun("--seeds", "3");
        List<Map<String, Object>> matched = list(dir, "conditions").stream().filter(r -> r.containsKey("strength")).toList();
        // one pooled row per model, box and attack, not one per seed's epsilon
        assertEquals(12, matched.size());
        List<?> epsilons = null;
        for (Map<String, Object> r : matched) {
            assertEquals(List.of(0, 1, 2), r.get("seeds"), r.toString());
            List<?> perSeed = (List<?>) r.get("epsilon_matched_per_seed");
            assertEquals(3, perSeed.size());
            // each seed's epsilon is its ERM model's, the same on every row of that seed
            if (epsilons == null) {
                epsilons = perSeed;
            }
            assertEquals(epsilons, perSeed);
            perSeed.forEach(e -> assertTrue(((Number) e).doubleValue() <= MatchedEpsilon.EPSILON_HIGH, e.toString()));
        }
        Map<String, Map<String, Object>> findings = list(dir, "findings").stream()
                .collect(Collectors.toMap(f -> (String) f.get("id"), f -> f));
        for (String id : List.of("white-fgsm-matched-a1", "white-fgsm-matched-a1-ratio", "black-fgsm-matched-a1",
                "black-fgsm-matched-a1-ratio", "black-i-fgsm-matched-a1", "black-i-fgsm-matched-a1-ratio",
                "white-i-fgsm-matched-a1-both-fail", "black-i-fgsm-eps4of255-a1-ratio")) {
            Map<String, Object> f = findings.get(id);
            assertTrue(f != null, id + " missing from " + findings.keySet());
            assertEquals(3, ((Number) f.get("seeds")).intValue(), id + ": " + f.get("note"));
            assertFalse(String.valueOf(f.get("note")).contains("not evaluated"), id + ": " + f.get("note"));
        }
        assertEquals(AdversarialClaims.BOTH_FAIL_MARGIN,
                number(findings.get("white-i-fgsm-matched-a1-both-fail"), "margin"), 1e-12);
    }

    @Test
    void everyScaleAttacksAtThePapersEpsilonWithEveryAttack() {
        for (org.mixupsuite.core.run.Scale s : org.mixupsuite.core.run.Scale.values()) {
            AdversarialStudy.Preset p = AdversarialStudy.Preset.of(s);
            assertTrue(p.epsilons().contains(AdversarialStudy.PAPER_EPSILON) && p.epsilons().contains(0.0), s.toString());
            assertEquals(List.of(Attack.values()), p.attacks(), s.toString());
        }
    }
}
