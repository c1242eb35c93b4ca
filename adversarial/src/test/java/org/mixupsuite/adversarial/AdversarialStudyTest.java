package org.mixupsuite.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.cli.Main;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.testing.SyntheticImages;

class AdversarialStudyTest {

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void smokeRunReportsEveryAttackPointOfEveryModel() throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 500, 200, 4, 9);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.discover().run(new String[] {"adversarial", "--scale", "smoke", "--data", data.toString(), "--out",
                tmp.resolve("runs").toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString());
        Path dir;
        try (Stream<Path> s = Files.list(tmp.resolve("runs").resolve("adversarial"))) {
            dir = s.findFirst().orElseThrow();
        }
        List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.readObject(dir.resolve("metrics.json")).get("conditions");
        // 2 models (erm, mixup) x 2 boxes x 3 attacks (fgsm, i-fgsm, pgd) x 3 epsilons
        assertEquals(36, rows.size());
        assertEquals(java.util.Set.of("fgsm", "i-fgsm", "pgd"), rows.stream().map(r -> r.get("attack")).collect(
                java.util.stream.Collectors.toSet()));
        for (Map<String, Object> r : rows) {
            for (String key : List.of("model", "method", "attack", "epsilon", "box", "clean_error", "top1_error", "top5_error")) {
                assertTrue(r.containsKey(key), key + " missing in " + r);
            }
            double top1 = ((Number) r.get("top1_error")).doubleValue();
            double top5 = ((Number) r.get("top5_error")).doubleValue();
            assertTrue(top5 <= top1, "top-5 error cannot exceed top-1 error");
            if (((Number) r.get("epsilon")).doubleValue() == 0) {
                assertEquals(((Number) r.get("clean_error")).doubleValue(), top1, 1e-9, "epsilon 0 is the clean error");
            }
        }
        assertTrue(Files.size(dir.resolve("error-vs-epsilon-fgsm-white.png")) > 5_000);
        assertTrue(Files.size(dir.resolve("error-vs-epsilon-i-fgsm-black.png")) > 5_000);
        assertTrue(Files.size(dir.resolve("adversarial-examples-erm.png")) > 2_000);
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
