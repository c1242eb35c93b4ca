package org.mixupsuite.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Json;

class NamedTest {

    private enum Loss implements Named { MINIMAX, NON_SATURATING }

    @Test
    void aConstantIsNamedInLowerCaseWithDashesUnlessItSaysOtherwise() throws Exception {
        assertEquals(List.of("minimax", "non-saturating"), Named.labels(Loss.class));
        assertEquals("\"non-saturating\"", Json.MAPPER.writeValueAsString(Loss.NON_SATURATING));
        assertEquals("\"mixup+dropout\"", Json.MAPPER.writeValueAsString(Method.MIXUP_DROPOUT));
    }

    @Test
    void parsingTakesTheNameAndRejectsOthersNamingTheOptionAndTheChoices() {
        assertEquals(Loss.NON_SATURATING, OptionValues.parse(Loss.class, "generator-loss", "non-saturating"));
        assertEquals(Method.MIXUP_DROPOUT, OptionValues.parse(Method.class, "methods", "mixup+dropout"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> OptionValues.parse(Loss.class, "generator-loss", "NON_SATURATING"));
        assertTrue(e.getMessage().contains("--generator-loss") && e.getMessage().contains("minimax, non-saturating"),
                e.getMessage());
    }
}
