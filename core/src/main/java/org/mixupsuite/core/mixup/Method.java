package org.mixupsuite.core.mixup;

import com.fasterxml.jackson.annotation.JsonValue;
import org.mixupsuite.core.cli.Named;
import org.mixupsuite.core.run.SettingText;

/** How a condition trains, with the contract's names: erm, dropout, mixup, mixup+dropout. */
public enum Method implements Named {
    ERM("erm", false, false),
    DROPOUT("dropout", false, true),
    MIXUP("mixup", true, false),
    MIXUP_DROPOUT("mixup+dropout", true, true);

    private final String label;
    private final boolean mixes;
    private final boolean drops;

    Method(String label, boolean mixes, boolean drops) {
        this.label = label;
        this.mixes = mixes;
        this.drops = drops;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }

    public boolean mixes() {
        return mixes;
    }

    public boolean drops() {
        return drops;
    }

    /** The mixup strategy of this method at {@code alpha}: ERM's when it does not mix. */
    public MixupStrategy strategy(double alpha) {
        return MixupStrategy.standard(mixes ? alpha : 0);
    }

    /** How charts and tables name it, e.g. "ERM", "mixup α=0.2", "mixup α=8 + dropout p=0.7". */
    public String describe(double alpha, double dropout) {
        String base = mixes ? "mixup α=" + SettingText.number(alpha) : "ERM";
        return drops ? base + " + dropout p=" + SettingText.number(dropout) : base;
    }

    @Override
    public String toString() {
        return label;
    }
}
