package org.mixupsuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.data.ImageSet;

class SharedEpochDataTest {

    /** An epoch's set drawn from the generator, as an augmentation would be; counts how often it is made. */
    private static final class Source implements Trainer.EpochData {
        final AtomicInteger made = new AtomicInteger();

        @Override
        public ImageSet forEpoch(int epoch, RandomGenerator rng) {
            made.incrementAndGet();
            float[] pixels = new float[4];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = rng.nextFloat();
            }
            return new ImageSet(pixels, new int[] {0, 1}, 2, 1, 1, 2);
        }
    }

    private static RandomGenerator rng(long seed, int epoch) {
        return new Well19937c(new int[] {(int) seed, epoch});
    }

    @Test
    void eachEpochIsMadeOnceForTheSeedsConditionsAndDroppedAfterTheLastTakesIt() {
        SharedEpochData shared = new SharedEpochData(3);
        List<Source> sources = List.of(new Source(), new Source(), new Source());
        List<SharedEpochData.View> views = sources.stream().map(s -> shared.join(7, s)).toList();
        ImageSet first = views.get(0).forEpoch(1, rng(7, 1));
        assertEquals(1, shared.held());
        assertSame(first, views.get(1).forEpoch(1, rng(7, 1)));
        assertEquals(1, shared.held(), "one condition has not taken it yet");
        assertSame(first, views.get(2).forEpoch(1, rng(7, 1)));
        assertEquals(0, shared.held(), "dropped once the seed's three conditions took it");
        assertEquals(List.of(1, 0, 0), sources.stream().map(s -> s.made.get()).toList(), "made by the first to ask only");
        assertTrue(views.get(2).secondsToMake(1) >= 0, "every condition reports what making it took");
        assertEquals(views.get(0).secondsToMake(1), views.get(2).secondsToMake(1));
        assertTrue(Double.isNaN(views.get(0).secondsToMake(2)), "an epoch not taken has no time");
        assertThrows(IllegalStateException.class, () -> shared.join(7, new Source()), "a fourth condition of the seed");
    }

    @Test
    void aConditionThatStopsEarlyReleasesTheEpochsItWillNotTake() {
        SharedEpochData shared = new SharedEpochData(2);
        SharedEpochData.View a = shared.join(0, new Source());
        SharedEpochData.View diverged = shared.join(0, new Source());
        a.forEpoch(1, rng(0, 1));
        a.forEpoch(2, rng(0, 2));
        assertEquals(2, shared.held());
        diverged.forEpoch(1, rng(0, 1));
        diverged.close();
        assertEquals(0, shared.held(), "epoch 2 is not waited for by the condition that stopped");
        a.forEpoch(3, rng(0, 3));
        assertEquals(0, shared.held(), "nor are later epochs");
    }

    @Test
    void seedsDoNotShareAndParallelConditionsWaitForTheOneMakingTheSet() throws Exception {
        SharedEpochData shared = new SharedEpochData(2);
        Source seed1 = new Source();
        Source seed2 = new Source();
        SharedEpochData.View other = shared.join(2, seed2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Trainer.EpochData slow = (epoch, rng) -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return seed1.forEpoch(epoch, rng);
        };
        SharedEpochData.View maker = shared.join(1, slow);
        Source unused = new Source();
        SharedEpochData.View waiter = shared.join(1, unused);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ImageSet> made = pool.submit(() -> maker.forEpoch(1, rng(1, 1)));
            started.await();
            Future<ImageSet> waited = pool.submit(() -> waiter.forEpoch(1, rng(1, 1)));
            release.countDown();
            assertSame(made.get(), waited.get());
            assertEquals(0, unused.made.get(), "the second condition waited for the first's set");
        } finally {
            pool.shutdownNow();
        }
        ImageSet ofSeed2 = other.forEpoch(1, rng(2, 1));
        assertEquals(1, seed1.made.get());
        assertEquals(1, seed2.made.get(), "another seed's epoch 1 is its own");
        assertEquals(new Source().forEpoch(1, rng(2, 1)).pixels()[0], ofSeed2.pixels()[0]);
    }
}
