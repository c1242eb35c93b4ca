package org.mixupsuite.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.data.Rows;
import org.mixupsuite.core.mixup.Batch;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.Provenance;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.train.Classifiers;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One benchmark figure, measured in its own JVM so that its OpenMP settings come from its own
 * process environment and no other workload's JIT or memory state leaks into it. Prints one JSON
 * line with the figures. Usage:
 * {@code BenchWorkload <workload> <data-dir or -> <warmup> <timed> <seed> [smoke|quick|paper]}.
 */
public final class BenchWorkload {

    static final int BATCH = 128;

    private BenchWorkload() {
    }

    public static void main(String[] args) throws Exception {
        // the parent names the engine in MIXUP_ENGINE (a dl4j-shipped figure: DL4J as shipped)
        org.mixupsuite.core.run.Engine.use(org.mixupsuite.core.run.Engine.resolve(null));
        Workload.Task workload = OptionValues.parse(Workload.Task.class, "workload", args[0]);
        Path dir = Path.of(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int timed = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        Scale scale = args.length > 5 ? Scale.parse(args[5]) : Scale.QUICK;
        Map<String, Object> result = switch (workload) {
            case MLP -> {
                ImageSet train = ImageDataLoader.load(dir).train();
                yield examplesPerSecond(mlp(train, seed), train, warmup, timed, seed);
            }
            case LENET -> {
                ImageSet train = ImageDataLoader.load(dir).train();
                yield examplesPerSecond(lenet(train, seed), train, warmup, timed, seed);
            }
            case MLP_MIXUP_RATIO -> mixupRatio(ImageDataLoader.load(dir).train(), warmup, timed, seed);
            case FGSM -> FgsmBench.measure(ImageDataLoader.load(dir), warmup, timed, seed);
            case GAN -> GanBench.measure(scale, warmup, timed, seed);
            case SPEECH_LENET -> SpeechBench.trainingRate("lenet", scale, warmup, timed, seed);
            case SPEECH_VGG -> SpeechBench.trainingRate("vgg11", scale, warmup, timed, seed);
            case SPEECH_PIPELINE -> SpeechBench.pipeline(dir, scale, warmup, timed, seed);
        };
        Map<String, Object> figures = new LinkedHashMap<>(result);
        figures.put("peak_rss_mb", Provenance.peakResidentMegabytes());
        System.out.println(Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
    }

    static Network mlp(ImageSet train, long seed) {
        return Network.of(Classifiers.mlp(train.featureSize(), new int[] {512, 512}, train.numClasses(), 0, 1e-3, seed));
    }

    static Network lenet(ImageSet train, long seed) {
        return Network.of(Classifiers.lenet(train.channels(), train.height(), train.width(), train.numClasses(), 1e-3, seed));
    }

    /** Training steps per second times the batch size, over {@code timed} batches after {@code warmup}. */
    static Map<String, Object> examplesPerSecond(Network net, ImageSet train, int warmup, int timed, long seed) {
        Batches batches = new Batches(train, Seeds.random(seed, "bench"));
        for (int i = 0; i < warmup; i++) {
            Batch b = batches.next();
            net.fit(b.features(), b.targets());
        }
        long started = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            Batch b = batches.next();
            net.fit(b.features(), b.targets());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("examples_per_s", timed * (double) BATCH / seconds);
        r.put("step_ms", 1000 * seconds / timed);
        return r;
    }

    /**
     * Step time of mixup over ERM on the same MLP, measured interleaved (blocks of ten steps each,
     * alternating) so that drift of the machine's speed hits both alike.
     */
    static Map<String, Object> mixupRatio(ImageSet train, int warmup, int timed, long seed) {
        Network net = mlp(train, seed);
        Batches batches = new Batches(train, Seeds.random(seed, "bench"));
        MixupStrategy mixup = MixupStrategy.standard(1.0);
        RandomGenerator rng = Seeds.random(seed, "mixup");
        for (int i = 0; i < warmup; i++) {
            Batch b = mixup.mix(batches.next(), rng);
            net.fit(b.features(), b.targets());
        }
        long erm = 0;
        long mix = 0;
        long mixing = 0;
        int block = 10;
        List<Double> blockRatios = new ArrayList<>();
        for (int done = 0; done < timed; done += block) {
            long t0 = System.nanoTime();
            for (int i = 0; i < block; i++) {
                Batch b = batches.next();
                net.fit(b.features(), b.targets());
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < block; i++) {
                Batch plain = batches.next();
                long m0 = System.nanoTime();
                Batch b = mixup.mix(plain, rng);
                mixing += System.nanoTime() - m0;
                net.fit(b.features(), b.targets());
            }
            long t2 = System.nanoTime();
            erm += t1 - t0;
            mix += t2 - t1;
            blockRatios.add((double) (t2 - t1) / (t1 - t0));
        }
        int steps = ((timed + block - 1) / block) * block;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("erm_step_ms", erm / 1e6 / steps);
        r.put("mixup_step_ms", mix / 1e6 / steps);
        r.put("mixup_erm_step_ratio", (double) mix / erm);
        // the ratio of sums moves with the machine's bursts; the median block and mixup's own ops do less so
        r.put("mixup_erm_step_ratio_median", new Median().evaluate(blockRatios.stream().mapToDouble(Double::doubleValue).toArray()));
        r.put("mix_ms", mixing / 1e6 / steps);
        r.put("mix_share_of_erm_step", (double) mixing / erm);
        return r;
    }

    /** Minibatches in a seeded shuffled order, cycling over the training set. */
    static final class Batches {
        private final ImageSet train;
        private final INDArray features;
        private final INDArray targets;
        private final RandomGenerator rng;
        private int[] order;
        private int position;

        Batches(ImageSet train, RandomGenerator rng) {
            this.train = train;
            this.features = train.features();
            this.targets = train.oneHotLabels();
            this.rng = rng;
        }

        Batch next() {
            if (order == null || position + BATCH > order.length) {
                order = org.apache.commons.math3.util.MathArrays.natural(train.count());
                org.apache.commons.math3.util.MathArrays.shuffle(order, rng);
                position = 0;
            }
            int[] rows = java.util.Arrays.copyOfRange(order, position, position + BATCH);
            position += BATCH;
            int[] labels = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = train.labels()[rows[i]];
            }
            return new Batch(Rows.gather(features, rows), Rows.gather(targets, rows), labels);
        }
    }
}
