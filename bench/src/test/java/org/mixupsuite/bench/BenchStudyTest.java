package org.mixupsuite.bench;

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

/** The benchmark's wiring at smoke scale: child processes run, figures come back, the table is written. */
class BenchStudyTest {

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void smokeBenchMeasuresEveryWorkloadInItsOwnProcess() throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 300, 50, 4, 28, 2);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.discover().run(new String[] {"bench", "--scale", "smoke", "--data", data.toString(), "--out",
                tmp.resolve("runs").toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString());
        Path dir;
        try (Stream<Path> s = Files.list(tmp.resolve("runs").resolve("bench"))) {
            dir = s.findFirst().orElseThrow();
        }
        List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.readObject(dir.resolve("metrics.json")).get("conditions");
        assertEquals(List.of("mlp", "lenet", "mlp-mixup-ratio"), rows.stream().map(r -> r.get("workload")).toList());
        assertTrue(((Number) rows.get(0).get("examples_per_s")).doubleValue() > 0);
        double ratio = ((Number) rows.get(2).get("mixup_erm_step_ratio")).doubleValue();
        assertTrue(ratio > 0.2 && ratio < 5, "a mixup step costs about as much as an ERM step, got " + ratio);
        assertTrue(Files.readString(dir.resolve("bench.md")).contains("| mlp (examples per s) | 1 |"));
    }
}
