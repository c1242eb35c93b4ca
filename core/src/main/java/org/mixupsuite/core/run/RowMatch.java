package org.mixupsuite.core.run;

import java.util.Map;

/**
 * The one rule for "this metrics.json condition row is the one meant": the row has every setting
 * of the match, numbers compared as numbers (so {@code 0.5} matches {@code 0.50}), the rest as text.
 * Baseline checks, report comparisons and the findings all use it.
 */
public final class RowMatch {

    private RowMatch() {
    }

    public static boolean matches(Map<String, Object> match, Map<String, Object> row) {
        for (Map.Entry<String, Object> e : match.entrySet()) {
            Object expected = e.getValue();
            Object actual = row.get(e.getKey());
            boolean same = expected instanceof Number x && actual instanceof Number a
                    ? Math.abs(x.doubleValue() - a.doubleValue()) < 1e-9
                    : expected != null && actual != null && expected.toString().equals(actual.toString());
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
