package org.mixupsuite.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static Map<String, Object> row(String method, long seed, String status, Double error) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", method);
        r.put("alpha", method.equals("erm") ? 0.0 : 1.0);
        r.put("seed", seed);
        r.put("status", status);
        if (error != null) {
            r.put("test_error", error);
        }
        return r;
    }

    @Test
    void perSeedRowsRegroupByTheirSettingsIntoMultiSeedRows() {
        List<Map<String, Object>> rows = new ArrayList<>(List.of(
                row("erm", 0, "complete", 20.0), row("mixup", 0, "complete", 16.0),
                row("erm", 1, "complete", 24.0), row("mixup", 1, "diverged", null)));
        List<Map<String, Object>> out = Metrics.aggregateRows(rows, List.of("test_error"));
        assertEquals(2, out.size());
        Map<String, Object> erm = out.get(0);
        assertEquals("erm", erm.get("method"));
        assertEquals(List.of(0L, 1L), erm.get("seeds"));
        assertEquals("complete", erm.get("status"));
        assertEquals(22.0, (Double) erm.get("test_error_mean"), 1e-12);
        assertEquals(List.of(20.0, 24.0), erm.get("test_error_per_seed"));
        // Student t with one degree of freedom: 12.706 x sd / sqrt(2)
        assertEquals(12.706 * Math.sqrt(8) / Math.sqrt(2), (Double) erm.get("test_error_ci95"), 0.01);
        assertFalse(erm.containsKey("seed"));
        Map<String, Object> mixup = out.get(1);
        assertEquals("diverged", mixup.get("status"));
        assertEquals(List.of("complete", "diverged"), mixup.get("status_per_seed"));
        assertEquals(Metrics.figureKeys(List.of("test_error")),
                java.util.Set.of("test_error", "test_error_mean", "test_error_ci95", "test_error_per_seed"));
    }
}
