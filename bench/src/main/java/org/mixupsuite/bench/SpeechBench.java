package org.mixupsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.data.Rows;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.train.Network;
import org.mixupsuite.speech.Augmentation;
import org.mixupsuite.speech.ClipSet;
import org.mixupsuite.speech.Features;
import org.mixupsuite.speech.ScalePreset;
import org.mixupsuite.speech.SpeechCommands;
import org.mixupsuite.speech.SpeechModels;
import org.mixupsuite.speech.WavReader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The speech study's models and its data pipeline, at the speech study's preset for the scale
 * (quick: spectrograms of 160 x 101 average-pooled 4 x 2 to 40 x 50, widths divided by 8, batch 64).
 * The models' training rate is measured on random inputs of that shape (what a step costs does not
 * depend on the values), so the PyTorch peer can train the same shapes without the Java feature
 * code; the pipeline reads real clips.
 */
final class SpeechBench {

    /** Words of Speech Commands v0.01 and of the synthesized set: the models' output width. */
    static final int CLASSES = 30;
    /** Batches featurized ahead at a time when prefetching. */
    private static final int CHUNK_BATCHES = 4;

    private SpeechBench() {
    }

    static String describeModels(Scale scale) {
        ScalePreset p = ScalePreset.of(scale);
        return "the speech study's LeNet and VGG-11 (SpeechModels) on " + p.features().height() + " x "
                + p.features().width() + " inputs, width divisor " + p.widthDivisor() + ", dropout " + p.dropout()
                + ", batch " + p.batchSize() + ", Adam " + p.learningRate() + ", " + CLASSES
                + " classes; random N(0, 1) inputs and uniform random labels";
    }

    static String describePipeline(Scale scale) {
        ScalePreset p = ScalePreset.of(scale);
        return "real training clips: standard augmentation (shift, noise, level) + " + p.features().describe()
                + ", one thread as the study does it (Features.augmented); then LeNet trained on those features: "
                + "data_wait_share = share of time the loop waits for features, featurizing the epoch up front (as the "
                + "study does) and, as a lead, with features of the next " + CHUNK_BATCHES + " batches made on another thread";
    }

    static List<String> peerOptions(Scale scale) {
        ScalePreset p = ScalePreset.of(scale);
        return List.of("--batch", String.valueOf(p.batchSize()), "--height", String.valueOf(p.features().height()),
                "--width", String.valueOf(p.features().width()), "--width-divisor", String.valueOf(p.widthDivisor()),
                "--dropout", String.valueOf(p.dropout()), "--lr", String.valueOf(p.learningRate()),
                "--classes", String.valueOf(CLASSES));
    }

    static Network model(String name, ScalePreset p, int classes, long seed) {
        return Network.of(SpeechModels.build(name, p.features().height(), p.features().width(), classes,
                p.widthDivisor(), p.dropout(), p.learningRate(), seed));
    }

    /** ERM training examples/s of one speech model on random inputs of the preset's shape. */
    static Map<String, Object> trainingRate(String name, Scale scale, int warmup, int timed, long seed) {
        ScalePreset p = ScalePreset.of(scale);
        Network net = model(name, p, CLASSES, Seeds.derive(seed, "init"));
        int batch = p.batchSize();
        int d = p.features().height() * p.features().width();
        RandomGenerator rng = Seeds.random(seed, "inputs");
        // a few distinct batches, cycled: fresh random arrays each step would time the generator, not the model
        List<INDArray[]> batches = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            float[] x = new float[batch * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            INDArray y = Nd4j.zeros(batch, CLASSES);
            for (int i = 0; i < batch; i++) {
                y.putScalar(i, rng.nextInt(CLASSES), 1.0);
            }
            batches.add(new INDArray[] {Nd4j.create(x, new long[] {batch, d}, 'c'), y});
        }
        for (int i = 0; i < warmup; i++) {
            INDArray[] b = batches.get(i % batches.size());
            net.fit(b[0], b[1]);
        }
        long started = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            INDArray[] b = batches.get(i % batches.size());
            net.fit(b[0], b[1]);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("examples_per_s", timed * (double) batch / seconds);
        r.put("step_ms", 1000 * seconds / timed);
        r.put("batch", batch);
        return r;
    }

    /**
     * Feature clips/s with augmentation, LeNet's training examples/s on those features, and the share
     * of the loop's time spent waiting for features, without and with prefetching on another thread.
     *
     * @param warmup batches featurized and trained before timing
     * @param timed  batches featurized and trained in each timed phase
     */
    static Map<String, Object> pipeline(Path dir, Scale scale, int warmup, int timed, long seed)
            throws InterruptedException, ExecutionException {
        ScalePreset p = ScalePreset.of(scale);
        int batch = p.batchSize();
        SpeechCommands layout = SpeechCommands.open(dir);
        ClipSet clips = readSome(layout, (warmup + timed) * batch, seed);
        List<float[]> noises = new ArrayList<>();
        for (Path f : layout.noiseFiles()) {
            noises.add(WavReader.read(f));
        }
        Augmentation aug = Augmentation.standard();
        Features features = p.features();
        int classes = layout.words().size();
        RandomGenerator rng = Seeds.random(seed, "augment");
        Network net = model("lenet", p, classes, Seeds.derive(seed, "init"));
        Cycle cycle = new Cycle(clips);

        // warm-up: the JIT compiles the feature code and ND4J sets up its kernels
        train(net, features.augmented(cycle.next(warmup * batch), classes, aug, noises, rng), batch);

        // as the study does it: featurize the epoch, then train on it; the loop waits for all of it
        long t0 = System.nanoTime();
        ImageSet epoch = features.augmented(cycle.next(timed * batch), classes, aug, noises, rng);
        long t1 = System.nanoTime();
        train(net, epoch, batch);
        long t2 = System.nanoTime();
        double featureSeconds = (t1 - t0) / 1e9;
        double trainSeconds = (t2 - t1) / 1e9;

        // the lead: the next chunk is featurized on another thread while this one trains
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "features-ahead");
            t.setDaemon(true);
            return t;
        });
        int chunks = Math.max(1, timed / CHUNK_BATCHES);
        int chunkClips = CHUNK_BATCHES * batch;
        long waited = 0;
        long t3 = System.nanoTime();
        try {
            ClipSet first = cycle.next(chunkClips);
            Future<ImageSet> next = ahead.submit(() -> features.augmented(first, classes, aug, noises, rng));
            for (int k = 0; k < chunks; k++) {
                long w0 = System.nanoTime();
                ImageSet current = next.get();
                waited += System.nanoTime() - w0;
                if (k + 1 < chunks) {
                    ClipSet following = cycle.next(chunkClips);
                    next = ahead.submit(() -> features.augmented(following, classes, aug, noises, rng));
                }
                train(net, current, batch);
            }
        } finally {
            ahead.shutdownNow();
        }
        double prefetchSeconds = (System.nanoTime() - t3) / 1e9;

        double clipsPerS = timed * batch / featureSeconds;
        double trainPerS = timed * batch / trainSeconds;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clips_per_s", clipsPerS);
        r.put("train_examples_per_s", trainPerS);
        r.put("pipeline_train_ratio", clipsPerS / trainPerS);
        r.put("data_wait_share", featureSeconds / (featureSeconds + trainSeconds));
        r.put("data_wait_share_prefetch", waited / 1e9 / prefetchSeconds);
        r.put("prefetch_examples_per_s", (double) chunks * chunkClips / prefetchSeconds);
        r.put("sequential_examples_per_s", timed * batch / (featureSeconds + trainSeconds));
        r.put("clips_read", clips.count());
        return r;
    }

    /** One pass over the set in its order, in minibatches (the order does not change what a step costs). */
    private static void train(Network net, ImageSet set, int batch) {
        INDArray x = set.features();
        INDArray y = set.oneHotLabels();
        for (int start = 0; start + batch <= set.count(); start += batch) {
            int[] rows = java.util.stream.IntStream.range(start, start + batch).toArray();
            net.fit(Rows.gather(x, rows), Rows.gather(y, rows));
        }
    }

    private static ClipSet readSome(SpeechCommands layout, int wanted, long seed) {
        List<SpeechCommands.Clip> all = layout.train();
        if (all.isEmpty()) {
            throw new BadInputException(layout.root(), "no training clips");
        }
        int n = Math.min(wanted, all.size());
        int[] rows = new RandomDataGenerator(Seeds.random(seed, "clips")).nextPermutation(all.size(), n);
        List<SpeechCommands.Clip> picked = new ArrayList<>();
        for (int r : rows) {
            picked.add(all.get(r));
        }
        return ClipSet.read(picked);
    }

    /** Consecutive runs of clips, wrapping around when a small folder has fewer clips than the bench asks for. */
    private static final class Cycle {
        private final ClipSet clips;
        private int position;

        Cycle(ClipSet clips) {
            this.clips = clips;
        }

        ClipSet next(int n) {
            float[][] waves = new float[n][];
            int[] labels = new int[n];
            List<SpeechCommands.Clip> picked = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = (position + i) % clips.count();
                waves[i] = clips.waveforms()[k];
                labels[i] = clips.labels()[k];
                picked.add(clips.clips().get(k));
            }
            position = (position + n) % clips.count();
            return new ClipSet(picked, waves, labels, List.of());
        }
    }
}
