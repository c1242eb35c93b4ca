package org.mixupsuite.core.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.mixupsuite.core.run.CheckpointStore;
import org.mixupsuite.core.run.ConditionContext;

/**
 * The one loop every study trains on: steps (a classifier's epochs, a GAN's iterations) run one
 * after another, each may record a history row, and listeners do the rest (progress, timing,
 * checkpoints, snapshots), as DJL's EasyTrain with its listeners or Lightning's Trainer with its
 * callbacks. A step that stops being finite ends the loop with status "diverged".
 *
 * <p>Resume: the loop starts after the checkpoint's step with the checkpoint's history; the caller
 * restores its models from the same checkpoint first ({@link #saved}), and every step draws from
 * generators derived from (seed, step), so what follows is what the uninterrupted run would do.
 */
public final class TrainingLoop {

    /** One step; returns the row it records in the history, or null when it records none. */
    @FunctionalInterface
    public interface Step {
        Map<String, Object> run(int step) throws IOException, Diverged;
    }

    /** Thrown by a step whose loss or outputs are no longer finite numbers. */
    public static final class Diverged extends Exception {
        public Diverged(String message) {
            super(message);
        }
    }

    /** Hooks around every step; each has a default that does nothing. */
    public interface Listener {
        /** The loop resumes after {@code state}'s step. */
        default void resumed(CheckpointStore.State state) {
        }

        default void stepStarted(int step) {
        }

        /** The step's row before it enters the history: a listener may add columns. Null when the step records none. */
        default void stepEnded(int step, Map<String, Object> row) {
        }

        /** The history once a row was added (read-only). */
        default void recorded(int step, List<Map<String, Object>> history) throws IOException {
        }
    }

    /** The history and whether the loop finished or diverged. */
    public record Outcome(List<Map<String, Object>> history, boolean diverged, String message) {
    }

    private TrainingLoop() {
    }

    /** The checkpoint a condition resumes from, if there is one. */
    public static Optional<CheckpointStore.State> saved(ConditionContext ctx) {
        return ctx.checkpoints().loadState();
    }

    /** Runs steps 1..{@code steps}, or those after {@code resumeFrom}'s step. */
    public static Outcome run(ConditionContext ctx, Optional<CheckpointStore.State> resumeFrom, int steps, Step step,
                              List<? extends Listener> listeners) throws IOException {
        List<Map<String, Object>> history = new ArrayList<>();
        int first = 1;
        if (resumeFrom.isPresent()) {
            history.addAll(resumeFrom.get().history());
            first = resumeFrom.get().step() + 1;
            ctx.recordHistory(history);
            for (Listener l : listeners) {
                l.resumed(resumeFrom.get());
            }
        }
        List<Map<String, Object>> view = Collections.unmodifiableList(history);
        for (int s = first; s <= steps; s++) {
            for (Listener l : listeners) {
                l.stepStarted(s);
            }
            Map<String, Object> row;
            try {
                row = step.run(s);
            } catch (Diverged d) {
                return new Outcome(history, true, d.getMessage());
            }
            for (Listener l : listeners) {
                l.stepEnded(s, row);
            }
            if (row == null) {
                continue;
            }
            history.add(row);
            ctx.recordHistory(history);
            for (Listener l : listeners) {
                l.recorded(s, view);
            }
        }
        return new Outcome(history, false, null);
    }

    /** Reports {@code unitsPerStep} of progress after every step, and the steps done before a resume. */
    public static Listener progress(ConditionContext ctx, long unitsPerStep) {
        return new Listener() {
            @Override
            public void resumed(CheckpointStore.State state) {
                ctx.progress(state.step() * unitsPerStep);
            }

            @Override
            public void stepEnded(int step, Map<String, Object> row) {
                ctx.progress(unitsPerStep);
            }
        };
    }

    /** Adds the step's wall time in seconds to its row, as {@code column}. */
    public static Listener timing(String column) {
        return new Listener() {
            private long started;

            @Override
            public void stepStarted(int step) {
                started = System.nanoTime();
            }

            @Override
            public void stepEnded(int step, Map<String, Object> row) {
                if (row != null) {
                    row.put(column, (System.nanoTime() - started) / 1e9);
                }
            }
        };
    }

    /** What a checkpoint holds of a condition beside its history. */
    public interface Checkpointed {
        Map<String, CheckpointStore.ModelWriter> models();

        default Map<String, Object> extra() {
            return Map.of();
        }
    }

    /** Networks by name, and what else the condition keeps ({@code extra}, read at each save). */
    public static Checkpointed networks(Map<String, Network> networks, Supplier<Map<String, Object>> extra) {
        return new Checkpointed() {
            @Override
            public Map<String, CheckpointStore.ModelWriter> models() {
                Map<String, CheckpointStore.ModelWriter> writers = new LinkedHashMap<>();
                networks.forEach((name, net) -> writers.put(name, net::save));
                return writers;
            }

            @Override
            public Map<String, Object> extra() {
                return extra.get();
            }
        };
    }

    /** The condition's networks: {@code initial} on a fresh start, each restored from the checkpoint on resume. */
    public static Map<String, Network> restore(ConditionContext ctx, Optional<CheckpointStore.State> saved,
                                               Map<String, Network> initial) throws IOException {
        if (saved.isEmpty()) {
            return initial;
        }
        Map<String, Network> restored = new LinkedHashMap<>();
        for (Map.Entry<String, Network> e : initial.entrySet()) {
            restored.put(e.getKey(), e.getValue().restore(ctx.checkpoints().modelPath(saved.get(), e.getKey())));
        }
        return restored;
    }

    /**
     * Saves a checkpoint after a recorded step when the store says one is due; never after the last
     * step, whose result the runner saves right after.
     */
    public static Listener checkpoints(CheckpointStore store, int steps, Checkpointed what) {
        return new Listener() {
            @Override
            public void recorded(int step, List<Map<String, Object>> history) throws IOException {
                if (step < steps && store.due()) {
                    store.save(step, what.models(), history, what.extra());
                }
            }
        };
    }
}
