package org.mixupsuite.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.run.CheckpointStore;
import org.mixupsuite.core.run.ConditionContext;

/**
 * A condition's context for tests that run an experiment or the loop directly: a seed, a checkpoint
 * folder that saves whenever asked, the progress reported, the last history recorded, and an
 * optional interruption once a number of work units is done (as a kill would stop it).
 */
public final class TestContext implements ConditionContext {

    private final long seed;
    private final Path runDirectory;
    private final CheckpointStore store;
    private final long interruptAfter;
    private long progress;
    private List<Map<String, Object>> history = List.of();

    /** @param interruptAfter units of progress after which {@link #progress} throws; 0 for never */
    public TestContext(long seed, Path runDirectory, Path checkpoints, long interruptAfter) {
        this.seed = seed;
        this.runDirectory = runDirectory;
        this.store = new CheckpointStore(checkpoints);
        this.interruptAfter = interruptAfter;
    }

    public TestContext(long seed, Path runDirectory, Path checkpoints) {
        this(seed, runDirectory, checkpoints, 0);
    }

    /** Thrown at the simulated interruption. */
    public static final class Interrupted extends RuntimeException {
        Interrupted(long units) {
            super("simulated interruption after " + units + " units");
        }
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public String label() {
        return "test seed " + seed;
    }

    @Override
    public CheckpointStore checkpoints() {
        return store;
    }

    @Override
    public Path runDirectory() {
        return runDirectory;
    }

    @Override
    public void recordHistory(List<Map<String, Object>> rows) {
        history = new ArrayList<>(rows);
    }

    @Override
    public void progress(long units) {
        progress += units;
        if (interruptAfter > 0 && progress >= interruptAfter) {
            throw new Interrupted(progress);
        }
    }

    public long progressReported() {
        return progress;
    }

    public List<Map<String, Object>> historyRecorded() {
        return history;
    }
}
