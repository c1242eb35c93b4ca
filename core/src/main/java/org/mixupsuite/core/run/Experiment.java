package org.mixupsuite.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.findings.Claim;

/**
 * A planned study: its resolved settings, its conditions, how to run one of them on one seed, and
 * which charts to draw from the results. Files, seeds, resume and aggregation are the runner's job.
 */
public interface Experiment<C extends Condition> {

    /** Every resolved setting of the study (for config.json), including what data it reads. */
    Map<String, Object> settings();

    List<C> conditions();

    /** Units of work of one condition on one seed (examples or iterations), for progress and ETA. */
    long workUnits(C condition);

    ConditionResult run(C condition, ConditionContext ctx) throws Exception;

    /**
     * The paper's claims this plan can test, as comparisons of its conditions' figures; each becomes
     * an entry of metrics.json's {@code findings}. Leave out claims whose conditions the plan lacks
     * (a narrower --methods, say): they could only be listed as not evaluated.
     */
    default List<Claim> claims() {
        return List.of();
    }

    /** Draws the study's charts into the run folder. */
    void drawCharts(RunResults<C> results, Path runDir) throws IOException;
}
