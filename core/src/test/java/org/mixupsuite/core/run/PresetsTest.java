package org.mixupsuite.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PresetsTest {

    private record Preset(int epochs, double learningRate, List<Double> alphas, boolean augment) {
    }

    @Test
    void aPresetIsBuiltByNameAndCopiedWithSomeValuesReplaced() {
        Preset p = Presets.of(Preset.class, "epochs", 40, "learningRate", 1e-3, "alphas", List.of(0.2), "augment", true);
        assertEquals(new Preset(40, 1e-3, List.of(0.2), true), p);
        assertEquals(new Preset(5, 1e-3, List.of(0.2), true), Presets.with(p, "epochs", 5));
        // a whole number for a double is widened, as a literal 0 would be in a constructor call
        assertEquals(0.0, Presets.with(p, "learningRate", 0).learningRate());
    }

    @Test
    void missingUnknownDuplicateAndMistypedValuesFailNamingTheComponent() {
        String missing = assertThrows(IllegalArgumentException.class,
                () -> Presets.of(Preset.class, "epochs", 40, "learningRate", 1e-3, "alphas", List.of())).getMessage();
        assertTrue(missing.contains("augment"), missing);
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> Presets.with(new Preset(1, 1, List.of(), false), "epoch", 3)).getMessage();
        assertTrue(unknown.contains("no component epoch") && unknown.contains("epochs"), unknown);
        String twice = assertThrows(IllegalArgumentException.class,
                () -> Presets.with(new Preset(1, 1, List.of(), false), "epochs", 3, "epochs", 4)).getMessage();
        assertTrue(twice.contains("twice"), twice);
        String type = assertThrows(IllegalArgumentException.class,
                () -> Presets.with(new Preset(1, 1, List.of(), false), "epochs", 2.5)).getMessage();
        assertTrue(type.contains("Preset.epochs is int, not Double"), type);
    }
}
