package org.mixupsuite.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.mixup.Method;

class ConditionTest {

    private record Cell(String model, Method method, double alpha, int k) implements Condition {
        @Override
        public String slug() {
            return "cell";
        }
    }

    @Test
    void aRecordsSettingsAreItsComponentsInOrderWithChoicesByTheirContractNames() {
        Map<String, Object> s = new Cell("mlp", Method.MIXUP_DROPOUT, 0.2, 3).settings();
        assertEquals(List.of("model", "method", "alpha", "k"), List.copyOf(s.keySet()));
        assertEquals("mixup+dropout", s.get("method"));
        assertEquals(0.2, s.get("alpha"));
        assertEquals(3, s.get("k"));
    }
}
