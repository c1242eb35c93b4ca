package org.mixupsuite.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.Seeds;

/** What a running condition may use: its seed, its checkpoint folder, its history and the progress bar. */
public interface ConditionContext {

    long seed();

    /** A readable name of the condition and seed, for messages. */
    String label();

    CheckpointStore checkpoints();

    /** The run folder, for files a study keeps beside metrics.json (samples for a figure, trained models). */
    Path runDirectory();

    /** Replaces this condition's history rows (the run's history.csv is rewritten with them). */
    void recordHistory(List<Map<String, Object>> rows);

    /** Reports {@code units} of work done (examples trained, iterations run). */
    void progress(long units);

    default long derivedSeed(String purpose, long... indices) {
        return Seeds.derive(seed(), purpose, indices);
    }

    default RandomGenerator random(String purpose, long... indices) {
        return Seeds.random(seed(), purpose, indices);
    }
}
