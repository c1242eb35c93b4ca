package org.mixupsuite.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static Map<String, Object> epoch(int epoch, Double testError) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", epoch);
        if (testError != null) {
            row.put("test_error", testError);
        }
        return row;
    }

    @Test
    void bestIsTheEarliestEpochOfTheLowestErrorAndLastIsTheFinalRow() {
        History h = History.of(List.of(epoch(1, 30.0), epoch(2, 20.0), epoch(3, 25.0), epoch(4, 20.0), epoch(5, 28.0)));
        assertEquals(2, h.argmin("test_error").get("epoch"), "a later tie does not move the best epoch");
        assertEquals(20.0, h.min("test_error"));
        assertEquals(5, h.last().get("epoch"));
        assertEquals(25.0, History.value(h.at("epoch", 3).orElseThrow(), "test_error"));
        assertTrue(h.at("epoch", 9).isEmpty());
    }

    @Test
    void rowsWithoutTheFigureNeverWin() {
        History h = History.of(List.of(epoch(1, null), epoch(2, 40.0), epoch(3, null)));
        assertEquals(2, h.argmin("test_error").get("epoch"));
        assertTrue(Double.isNaN(History.value(h.last(), "test_error")));
        assertThrows(IllegalArgumentException.class, () -> History.of(List.of()));
    }
}
