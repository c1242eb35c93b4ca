package org.mixupsuite.core.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Mean of per-seed figures and the half-width of its 95% confidence interval (Student's t with
 * n - 1 degrees of freedom); the half-width is 0 for a single seed, where no interval can be given.
 */
public record Interval(double mean, double ci95, int n) {

    public static Interval of(double[] values) {
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : values) {
            if (Double.isFinite(v)) {
                stats.addValue(v);
            }
        }
        int n = (int) stats.getN();
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, 0);
        }
        if (n == 1) {
            return new Interval(stats.getMean(), 0, 1);
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Interval(stats.getMean(), t * stats.getStandardDeviation() / Math.sqrt(n), n);
    }

    public double low() {
        return mean - ci95;
    }

    public double high() {
        return mean + ci95;
    }
}
