package org.mixupsuite.core.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A choice with the name the contract and the command line use for it (e.g. {@code non-saturating}),
 * so that enums replace strings compared in parallel switches while files and options keep the
 * field's names. Enums implementing it mark {@link #label()} {@code @JsonValue} so JSON holds the name.
 */
public interface Named {

    String label();

    /** Every constant's name, in declaration order. */
    static <E extends Enum<E> & Named> List<String> labels(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(e.label());
        }
        return out;
    }
}
