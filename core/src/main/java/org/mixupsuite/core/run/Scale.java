package org.mixupsuite.core.run;

import java.util.Locale;
import org.mixupsuite.core.BadInputException;

/** How big a run is: seconds for tests, minutes on a 2-core CPU, or the paper's own settings. */
public enum Scale {
    SMOKE, QUICK, PAPER;

    public static Scale parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--scale: '" + text + "' is not one of smoke, quick, paper");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
