package org.mixupsuite.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The options every study takes (contract: --scale, --seed, --seeds, --out, --data) plus how many
 * conditions run at once and how often they checkpoint.
 *
 * @param data the data set's root, or null for the study's embedded default
 * @param checkpointSeconds least time between two checkpoints of a condition (0 = after every epoch)
 */
public record RunSettings(Scale scale, long seed, int seedCount, Path out, Path data, int jobs,
                          int checkpointSeconds) {

    public List<Long> seeds() {
        return LongStream.range(seed, seed + seedCount).boxed().toList();
    }
}
