package org.mixupsuite.core.cli;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A choice with the name the contract and the command line use for it (e.g. {@code non-saturating}),
 * so that enums replace strings compared in parallel switches while files and options keep the
 * field's names. JSON holds the name too.
 */
public interface Named {

    /** The constant's name in lower case with dashes (NON_SATURATING: non-saturating), unless an enum says otherwise. */
    @JsonValue
    default String label() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every constant's name, in declaration order. */
    static <E extends Enum<E> & Named> List<String> labels(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(e.label());
        }
        return out;
    }
}
