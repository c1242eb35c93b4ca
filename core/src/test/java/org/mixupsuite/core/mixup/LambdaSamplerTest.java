package org.mixupsuite.core.mixup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.Seeds;

class LambdaSamplerTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.2, 1.0, 8.0, 32.0})
    void lambdaFollowsBetaAlphaAlpha(double alpha) {
        LambdaSampler sampler = new LambdaSampler(alpha);
        double[] draws = sampler.sample(Seeds.random(11, "mixup"), 20_000);
        SummaryStatistics s = new SummaryStatistics();
        for (double d : draws) {
            assertTrue(d >= 0 && d <= 1);
            s.addValue(d);
        }
        // Beta(a, a): mean 1/2, variance 1 / (4 (2a + 1))
        double variance = 1.0 / (4 * (2 * alpha + 1));
        assertEquals(0.5, s.getMean(), 0.01);
        assertEquals(variance, s.getVariance(), 0.1 * variance + 0.002);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new BetaDistribution(alpha, alpha), draws);
        assertTrue(p > 0.001, "draws do not look Beta(" + alpha + "," + alpha + "), KS p = " + p);
    }

    @Test
    void nonPositiveAlphaMeansNoMixing() {
        assertEquals(1.0, new LambdaSampler(0).sample(Seeds.random(1, "x")));
        assertEquals(1.0, new LambdaSampler(-1).sample(Seeds.random(1, "x")));
        assertArrayEquals(new double[] {1, 0, 0}, new LambdaSampler(0).dirichlet(Seeds.random(1, "x"), 3));
    }

    @Test
    void dirichletWeightsSumToOneWithEqualMeans() {
        LambdaSampler sampler = new LambdaSampler(0.5);
        int k = 4;
        SummaryStatistics[] stats = new SummaryStatistics[k];
        for (int j = 0; j < k; j++) {
            stats[j] = new SummaryStatistics();
        }
        var rng = Seeds.random(5, "mixup");
        for (int i = 0; i < 20_000; i++) {
            double[] w = sampler.dirichlet(rng, k);
            double sum = 0;
            for (int j = 0; j < k; j++) {
                assertTrue(w[j] >= 0);
                sum += w[j];
                stats[j].addValue(w[j]);
            }
            assertEquals(1.0, sum, 1e-9);
        }
        // Dirichlet(a,...,a): mean 1/k, variance (k-1) / (k^2 (k a + 1))
        double variance = (k - 1) / (k * k * (k * 0.5 + 1));
        for (SummaryStatistics s : stats) {
            assertEquals(1.0 / k, s.getMean(), 0.01);
            assertEquals(variance, s.getVariance(), 0.1 * variance);
        }
    }

    @Test
    void sameSeedSameDraws() {
        LambdaSampler sampler = new LambdaSampler(0.2);
        assertArrayEquals(sampler.sample(Seeds.random(0, "mixup", 3), 50), sampler.sample(Seeds.random(0, "mixup", 3), 50));
    }
}
