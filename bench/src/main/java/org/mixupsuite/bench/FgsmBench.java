package org.mixupsuite.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixupsuite.adversarial.FgsmAttack;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.mixup.Batch;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * FGSM examples/s against training examples/s of the model it attacks (the adversarial study's
 * quick target, the 784-512-512-10 MLP), measured interleaved in one process: a block of training
 * steps, then one attack on {@link #ATTACK_ROWS} test rows, so that drift of the machine hits both alike.
 */
final class FgsmBench {

    /** Rows attacked per block: the adversarial study's quick attack size (two of FgsmAttack's chunks of 500). */
    static final int ATTACK_ROWS = 1000;
    /** The paper's epsilon, 4 on the 0-255 scale; the cost of an attack does not depend on it. */
    static final double EPSILON = 4.0 / 255;
    private static final int BLOCK = 10;

    private FgsmBench() {
    }

    static String describe() {
        return "one FGSM step (input gradient, sign, clip) on " + ATTACK_ROWS + " test rows per block of " + BLOCK
                + " training steps of the mlp, epsilon 4/255";
    }

    static List<String> peerOptions() {
        return List.of("--attack-rows", String.valueOf(ATTACK_ROWS), "--block", String.valueOf(BLOCK));
    }

    /** @param timed training steps timed (in blocks of ten), each block followed by one timed attack */
    static Map<String, Object> measure(ImageData data, int warmup, int timed, long seed) {
        Network net = BenchWorkload.mlp(data.train(), seed);
        BenchWorkload.Batches batches = new BenchWorkload.Batches(data.train(), Seeds.random(seed, "bench"));
        int rows = (int) Math.min(ATTACK_ROWS, data.test().count());
        INDArray x = data.test().features().get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        INDArray y = data.test().oneHotLabels().get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
        for (int i = 0; i < warmup; i++) {
            Batch b = batches.next();
            net.fit(b.features(), b.targets());
        }
        FgsmAttack.fgsm(net, x, y, EPSILON);
        long train = 0;
        long attack = 0;
        int blocks = Math.max(1, (timed + BLOCK - 1) / BLOCK);
        for (int k = 0; k < blocks; k++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < BLOCK; i++) {
                Batch b = batches.next();
                net.fit(b.features(), b.targets());
            }
            long t1 = System.nanoTime();
            FgsmAttack.fgsm(net, x, y, EPSILON);
            long t2 = System.nanoTime();
            train += t1 - t0;
            attack += t2 - t1;
        }
        double trainRate = (double) blocks * BLOCK * BenchWorkload.BATCH / (train / 1e9);
        double attackRate = (double) blocks * rows / (attack / 1e9);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("fgsm_examples_per_s", attackRate);
        r.put("train_examples_per_s", trainRate);
        r.put("fgsm_train_ratio", attackRate / trainRate);
        return r;
    }
}
