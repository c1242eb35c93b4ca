package org.mixupsuite.core.mixup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.data.Rows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pairing the paper compares against in-batch shuffling: partners come from a second loader.
 * Each step draws a fresh random batch of distinct examples from the whole training set (not a
 * second pass in epoch order), which doubles the rows read per epoch.
 */
public final class TwoLoaderMixup implements MixupStrategy {

    private final LambdaSampler lambda;
    private final INDArray allFeatures;
    private final INDArray allTargets;

    /** @param allFeatures the training set's inputs (n x d); @param allTargets its one-hot targets. */
    public TwoLoaderMixup(double alpha, INDArray allFeatures, INDArray allTargets) {
        this.lambda = new LambdaSampler(alpha);
        this.allFeatures = allFeatures;
        this.allTargets = allTargets;
    }

    /** Partner rows: a uniformly drawn set of distinct training examples, independent of the batch. */
    public int[] partnerRows(int batchSize, RandomGenerator rng) {
        return new RandomDataGenerator(rng).nextPermutation((int) allFeatures.rows(), batchSize);
    }

    @Override
    public Batch mix(Batch batch, RandomGenerator rng) {
        int[] rows = partnerRows(batch.size(), rng);
        double l = lambda.sample(rng);
        INDArray xj = Rows.gather(allFeatures, rows);
        INDArray yj = Rows.gather(allTargets, rows);
        return new Batch(batch.features().mul(l).addi(xj.muli(1 - l)), batch.targets().mul(l).addi(yj.muli(1 - l)),
                batch.labels());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "mixup");
        d.put("alpha", lambda.alpha());
        d.put("lambda", "per-batch");
        d.put("pairing", "two-loaders");
        return d;
    }
}
