package org.mixupsuite.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.run.Json;

/** Hand-made run folders, so report and check tests control every figure. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static Path run(Path runs, String study, String id, String scale, List<Map<String, Object>> conditions)
            throws IOException {
        Path dir = runs.resolve(study).resolve(id);
        Files.createDirectories(dir);
        List<Map<String, Object>> settings = conditions.stream()
                .map(c -> Map.<String, Object>of("method", c.get("method"), "corruption", c.getOrDefault("corruption", 0.5)))
                .toList();
        Json.write(dir.resolve("config.json"), Map.of("study", study, "scale", scale, "seeds", List.of(0),
                "conditions", settings, "environment", Map.of("git_commit", "abc123", "suite_version", "test")));
        Json.write(dir.resolve("metrics.json"), Map.of("study", study, "conditions", conditions));
        return dir;
    }

    static Map<String, Object> condition(String method, double corruption, String figure, double value) {
        return Map.of("method", method, "corruption", corruption, "seed", 0, "status", "complete", figure, value);
    }
}
