package org.mixupsuite.core.train;

import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.data.ImageSet;

/**
 * One epoch source for every condition of a seed, where what a condition trains on depends on the
 * seed and the epoch only (an augmentation drawn from (seed, "augment", epoch), a subset drawn from
 * the seed): each epoch's set is made once, by the first condition to ask, and handed to the rest,
 * instead of being made again by each. A set is dropped once every condition of its seed has taken
 * it or finished without it (so a seed holds at most its epochs' sets at once), or earlier by the
 * collector when the heap runs short. The source must be a function of the epoch and the draws from
 * the generator it is handed, the same for every condition of the seed: then sharing changes no number.
 */
public final class SharedEpochData {

    private record Key(long seed, int epoch) {
    }

    /**
     * A set being made or made, and which of the seed's conditions are done with it. Held softly:
     * if the heap runs short the collector may drop it, and a condition that finds it gone makes it
     * again from its own generator, which draws what the maker's drew.
     */
    private static final class Entry {
        final CompletableFuture<Void> made = new CompletableFuture<>();
        final Set<Integer> doneWith = new HashSet<>();
        volatile SoftReference<ImageSet> set;
        volatile double seconds;
    }

    private final int conditionsPerSeed;
    private final Map<Key, Entry> entries = new HashMap<>();
    private final Map<Long, Set<Integer>> finished = new HashMap<>();
    private final Map<Long, Integer> joined = new HashMap<>();

    /** @param conditionsPerSeed how many conditions will each take every epoch of a seed */
    public SharedEpochData(int conditionsPerSeed) {
        if (conditionsPerSeed < 1) {
            throw new IllegalArgumentException("conditionsPerSeed must be at least 1, got " + conditionsPerSeed);
        }
        this.conditionsPerSeed = conditionsPerSeed;
    }

    /**
     * One condition's view of the seed's sets. Its {@code source} makes a set when this condition is
     * the first to ask for it, or when the collector has dropped it; every condition of the seed must
     * pass a source that makes the same sets. It is made ahead on another thread if the source asks.
     */
    public synchronized View join(long seed, Trainer.EpochData source) {
        int id = joined.merge(seed, 1, Integer::sum) - 1;
        if (id >= conditionsPerSeed) {
            throw new IllegalStateException("more than " + conditionsPerSeed + " conditions joined seed " + seed);
        }
        return new View(seed, id, source);
    }

    /** Sets held now (for tests: they are dropped once the seed's conditions are done with them). */
    public synchronized int held() {
        return entries.size();
    }

    /** What one condition trains on; closing it tells the others' sets it will not ask for more. */
    public final class View implements Trainer.EpochData {
        private final long seed;
        private final int id;
        private final Trainer.EpochData source;
        private final Map<Integer, Double> seconds = new ConcurrentHashMap<>();

        private View(long seed, int id, Trainer.EpochData source) {
            this.seed = seed;
            this.id = id;
            this.source = source;
        }

        @Override
        public ImageSet forEpoch(int epoch, RandomGenerator rng) {
            Key key = new Key(seed, epoch);
            Entry entry;
            boolean maker;
            synchronized (SharedEpochData.this) {
                entry = entries.get(key);
                maker = entry == null;
                if (maker) {
                    entry = new Entry();
                    entry.doneWith.addAll(finished.getOrDefault(seed, Set.of()));
                    entries.put(key, entry);
                }
            }
            if (maker) {
                // made outside the lock: the other conditions of the seed wait on this set only
                long t0 = System.nanoTime();
                ImageSet made;
                try {
                    made = source.forEpoch(epoch, rng);
                    entry.seconds = (System.nanoTime() - t0) / 1e9;
                    entry.set = new SoftReference<>(made);
                    entry.made.complete(null);
                } catch (RuntimeException | Error e) {
                    entry.made.completeExceptionally(e);
                    throw e;
                }
                take(key, entry, epoch);
                return made;
            }
            await(entry.made, epoch);
            ImageSet set = entry.set.get();
            if (set == null) {
                set = source.forEpoch(epoch, rng);
            }
            take(key, entry, epoch);
            return set;
        }

        private void take(Key key, Entry entry, int epoch) {
            seconds.put(epoch, entry.seconds);
            synchronized (SharedEpochData.this) {
                entry.doneWith.add(id);
                dropIfDone(key, entry);
            }
        }

        /** Seconds making an epoch's set took, whichever condition made it; NaN for an epoch not taken. */
        public double secondsToMake(int epoch) {
            return seconds.getOrDefault(epoch, Double.NaN);
        }

        @Override
        public boolean makeAhead() {
            return source.makeAhead();
        }

        @Override
        public void close() {
            synchronized (SharedEpochData.this) {
                finished.computeIfAbsent(seed, s -> new HashSet<>()).add(id);
                for (Map.Entry<Key, Entry> e : Map.copyOf(entries).entrySet()) {
                    if (e.getKey().seed() == seed) {
                        e.getValue().doneWith.add(id);
                        dropIfDone(e.getKey(), e.getValue());
                    }
                }
            }
        }
    }

    private void dropIfDone(Key key, Entry entry) {
        if (entry.doneWith.size() >= conditionsPerSeed) {
            entries.remove(key);
        }
    }

    private static void await(CompletableFuture<Void> made, int epoch) {
        try {
            made.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for epoch " + epoch + "'s examples", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("making epoch " + epoch + "'s examples failed", e.getCause());
        }
    }
}
