package org.mixupsuite.core.train;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.run.ConditionContext;

/**
 * Hands the training loop each epoch's examples and, when the data source asks for it, makes the
 * next epoch's on another thread while this one trains, so that a loop whose examples are
 * augmented and featurized afresh each epoch does not stop to wait for them. Each epoch's draws
 * come from its own generator (seed, "augment", epoch), so making it early changes no number.
 */
final class EpochFeed implements AutoCloseable {

    private final Trainer.EpochData data;
    private final ConditionContext ctx;
    private final int lastEpoch;
    private final ExecutorService ahead;
    private Future<ImageSet> next;
    private int nextEpoch;
    private double waitedSeconds;

    EpochFeed(Trainer.EpochData data, ConditionContext ctx, int lastEpoch) {
        this.data = data;
        this.ctx = ctx;
        this.lastEpoch = lastEpoch;
        this.ahead = data.makeAhead() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "next-epoch-data");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** The examples of {@code epoch}; starts on the next epoch's before returning. */
    ImageSet take(int epoch) {
        long started = System.nanoTime();
        ImageSet set = next != null && nextEpoch == epoch ? await(next) : make(epoch);
        waitedSeconds = (System.nanoTime() - started) / 1e9;
        next = null;
        if (ahead != null && epoch < lastEpoch) {
            nextEpoch = epoch + 1;
            next = ahead.submit(() -> make(epoch + 1));
        }
        return set;
    }

    /** Seconds the last {@link #take} kept the loop waiting. */
    double waitedSeconds() {
        return waitedSeconds;
    }

    private ImageSet make(int epoch) {
        return data.forEpoch(epoch, ctx.random("augment", epoch));
    }

    private static ImageSet await(Future<ImageSet> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next epoch's examples", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("making the next epoch's examples failed", e.getCause());
        }
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.shutdownNow();
        }
        data.close();
    }
}
