package org.mixupsuite.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.BadInputException;

class GridTest {

    @Test
    void inlineGridIsTheProductOfItsValuesFirstOptionSlowest() {
        Grid g = Grid.parse("alpha=1,8 corruption=0.2,0.5,0.8");
        assertEquals(Map.of("alpha", List.of("1", "8"), "corruption", List.of("0.2", "0.5", "0.8")), g.axes());
        List<Map<String, String>> points = g.points();
        assertEquals(6, points.size());
        assertEquals(Map.of("alpha", "1", "corruption", "0.2"), points.get(0));
        assertEquals(Map.of("alpha", "1", "corruption", "0.5"), points.get(1));
        assertEquals(Map.of("alpha", "8", "corruption", "0.8"), points.get(5));
    }

    @Test
    void jsonGridKeepsListValuedStringsWhole(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("grid.json");
        Files.writeString(file, "{\"alpha\": [1, 32], \"methods\": \"erm,mixup\"}");
        Grid g = Grid.parse(file.toString());
        assertEquals(List.of("1", "32"), g.axes().get("alpha"));
        assertEquals(List.of("erm,mixup"), g.axes().get("methods"));
        assertEquals(2, g.points().size());
    }

    @Test
    void noGridIsOnePointAndCellIdsAreFolderSafe() {
        assertEquals(List.of(Map.of()), Grid.empty().points());
        assertEquals("seed-3", Cell.id(Map.of(), 3));
        assertEquals("methods-erm_mixup_seed-0", Cell.id(Map.of("methods", "erm/mixup"), 0));
    }

    @Test
    void brokenGridsNameTheProblem(@TempDir Path tmp) throws Exception {
        assertTrue(assertThrows(BadInputException.class, () -> Grid.parse("alpha")).getMessage().contains("'alpha'"));
        assertTrue(assertThrows(BadInputException.class, () -> Grid.parse("alpha=1 alpha=2")).getMessage().contains("twice"));
        Path missing = tmp.resolve("nope.json");
        assertTrue(assertThrows(BadInputException.class, () -> Grid.parse(missing.toString())).getMessage().contains("nope.json"));
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "[1, 2]");
        assertTrue(assertThrows(BadInputException.class, () -> Grid.parse(bad.toString())).getMessage().contains("JSON object"));
    }
}
