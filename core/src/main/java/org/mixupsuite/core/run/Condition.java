package org.mixupsuite.core.run;

import java.util.Map;

/** One cell of a study's design (one method on one setting), run once per seed. */
public interface Condition {

    /** Unique within the run and safe as a file name, e.g. {@code c50-mixup-a8}. */
    String slug();

    /** What this condition is, with the contract's names (model, method, alpha, dropout, corruption...). */
    Map<String, Object> settings();
}
