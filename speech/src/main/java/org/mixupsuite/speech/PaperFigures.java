package org.mixupsuite.speech;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's Table 4, error % on Speech Commands (validation, test), by condition slug. Only
 * VGG-11's ERM and α = 0.2 test cells (4.6 and 3.4) are confirmed; the rest is the best reading.
 * Recorded in config.json so every run carries what it is compared with.
 */
final class PaperFigures {

    static final Map<String, List<Double>> TABLE_4 = table();

    private PaperFigures() {
    }

    private static Map<String, List<Double>> table() {
        Map<String, List<Double>> t = new LinkedHashMap<>();
        t.put("lenet-erm", List.of(9.8, 10.3));
        t.put("lenet-mixup-a0.1", List.of(10.1, 10.8));
        t.put("lenet-mixup-a0.2", List.of(10.2, 11.3));
        t.put("vgg11-erm", List.of(5.0, 4.6));
        t.put("vgg11-mixup-a0.1", List.of(4.0, 3.8));
        t.put("vgg11-mixup-a0.2", List.of(3.9, 3.4));
        return t;
    }
}
