package org.mixupsuite.core.mixup;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The one place where mixing weights are drawn: lambda ~ Beta(alpha, alpha), and Dirichlet(alpha, ..., alpha)
 * weights for k-way mixing. alpha &lt;= 0 means no mixing (lambda = 1, i.e. ERM), as in the authors' code.
 */
public final class LambdaSampler {

    /**
     * A regression drill, never a setting: with {@code -Dmixup.drill.no-mixing=true} every draw is
     * lambda = 1, i.e. mixup silently does nothing, so one can watch {@code ./mixup check} catch it.
     * config.json records it (Provenance), so a drilled run cannot pass for a real one.
     */
    public static final String NO_MIXING_DRILL = "mixup.drill.no-mixing";

    /** Read once: the drill is a launch setting, and mixes() is asked on every training step. */
    private static final boolean DRILL_ON = Boolean.getBoolean(NO_MIXING_DRILL);

    private final double alpha;

    public LambdaSampler(double alpha) {
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    public boolean mixes() {
        return alpha > 0 && !DRILL_ON;
    }

    public double sample(RandomGenerator rng) {
        if (!mixes()) {
            return 1.0;
        }
        return new BetaDistribution(rng, alpha, alpha).sample();
    }

    public double[] sample(RandomGenerator rng, int n) {
        double[] out = new double[n];
        if (!mixes()) {
            java.util.Arrays.fill(out, 1.0);
            return out;
        }
        BetaDistribution beta = new BetaDistribution(rng, alpha, alpha);
        for (int i = 0; i < n; i++) {
            out[i] = beta.sample();
        }
        return out;
    }

    /**
     * {@code n} values of lambda ~ Uniform(0, alpha), as the authors' GAN demo draws its blending
     * weights; all 1 (no blending) under the drill, as every other draw.
     */
    public double[] uniform(RandomGenerator rng, int n) {
        double[] out = new double[n];
        if (!mixes()) {
            java.util.Arrays.fill(out, 1.0);
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = alpha * rng.nextDouble();
        }
        return out;
    }

    /** k weights ~ Dirichlet(alpha, ..., alpha), drawn as normalized Gamma(alpha, 1) variates. */
    public double[] dirichlet(RandomGenerator rng, int k) {
        double[] w = new double[k];
        if (!mixes()) {
            w[0] = 1.0;
            return w;
        }
        GammaDistribution gamma = new GammaDistribution(rng, alpha, 1.0);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            w[i] = gamma.sample();
            sum += w[i];
        }
        if (sum == 0) {
            // every draw underflowed (tiny alpha): fall back to a vertex of the simplex
            w[rng.nextInt(k)] = 1.0;
            return w;
        }
        for (int i = 0; i < k; i++) {
            w[i] /= sum;
        }
        return w;
    }
}
