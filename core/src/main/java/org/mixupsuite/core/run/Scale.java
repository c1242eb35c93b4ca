package org.mixupsuite.core.run;

import java.util.Locale;
import org.mixupsuite.core.BadInputException;

/** How big a run is: seconds for tests, minutes on a 2-core CPU, or the paper's own settings. */
public enum Scale {
    SMOKE, QUICK, PAPER;

    /** Exact names only, as every other option: "Quick" is refused with the spelling it meant. */
    public static Scale parse(String text) {
        for (Scale s : values()) {
            if (s.id().equals(text)) {
                return s;
            }
        }
        String hint = "";
        for (Scale s : values()) {
            if (s.id().equalsIgnoreCase(text)) {
                hint = " (did you mean " + s.id() + "?)";
            }
        }
        throw new BadInputException("--scale: '" + text + "' is not one of smoke, quick, paper" + hint);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
