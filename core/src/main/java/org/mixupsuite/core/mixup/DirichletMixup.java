package org.mixupsuite.core.mixup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.data.Rows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * k-way mixup (the paper's first ablation): each row is mixed with k - 1 partners from independent
 * in-batch shuffles, with one weight vector w ~ Dirichlet(alpha, ..., alpha) per batch.
 */
public final class DirichletMixup implements MixupStrategy {

    private final LambdaSampler sampler;
    private final int k;

    public DirichletMixup(double alpha, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k-way mixup needs k >= 2, got " + k);
        }
        this.sampler = new LambdaSampler(alpha);
        this.k = k;
    }

    @Override
    public Batch mix(Batch batch, RandomGenerator rng) {
        double[] w = sampler.dirichlet(rng, k);
        INDArray x = batch.features().mul(w[0]);
        INDArray y = batch.targets().mul(w[0]);
        for (int j = 1; j < k; j++) {
            int[] partner = Pairing.SHUFFLE.partners(batch.labels(), rng);
            x.addi(Rows.gather(batch.features(), partner).muli(w[j]));
            y.addi(Rows.gather(batch.targets(), partner).muli(w[j]));
        }
        return new Batch(x, y, batch.labels());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "dirichlet");
        d.put("alpha", sampler.alpha());
        d.put("k", k);
        return d;
    }
}
