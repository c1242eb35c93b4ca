package org.mixupsuite.core.findings;

/** What the measured differences say about a claim. */
public enum Verdict {
    REPRODUCED, CONTRADICTED, INCONCLUSIVE;

    /** The contract's spelling in metrics.json and baselines. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Verdict parse(String s) {
        for (Verdict v : values()) {
            if (v.id().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not reproduced, contradicted or inconclusive");
    }
}
