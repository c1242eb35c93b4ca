package org.mixupsuite.core.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Tests on per-seed paired differences: Student's t where the differences spread continuously, the
 * exact Wilcoxon signed-rank test where they are whole numbers (modes covered) or do not spread at
 * all, since a t interval over such differences can have zero width and "decide" on two seeds.
 */
public final class PairedTest {

    /** The exact Wilcoxon test's smallest two-sided p-value with n non-zero differences is 2 / 2^n. */
    public static final int MIN_SEEDS = 3;

    private PairedTest() {
    }

    /**
     * Which test a set of differences calls for: the exact signed-rank test for a count (a figure
     * that only takes whole values, such as epochs) or for differences that do not spread, where a
     * t interval has zero width; Student's t otherwise. The choice rests on what the figure is, not
     * on whether measured differences happen to come out whole (an error on 1,000 rows moves in
     * steps of 0.1, so three whole-point differences are a coincidence, not a count).
     */
    public static boolean needsExactTest(double[] differences, boolean count) {
        return count || Interval.of(differences).ci95() == 0;
    }

    /**
     * The two-sided p-value of "the mean paired difference is {@code shift}": Student's t, or the
     * exact signed-rank test on {@code d - shift} when {@link #needsExactTest} says so. 1 when no
     * difference departs from the shift; NaN with fewer than 2 differences.
     */
    public static double twoSidedP(double[] differences, double shift, boolean count) {
        int n = differences.length;
        if (n < 2) {
            return Double.NaN;
        }
        double[] shifted = new double[n];
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
            shifted[i] = differences[i] - shift;
            nonZero += shifted[i] != 0 ? 1 : 0;
        }
        if (nonZero == 0) {
            return 1;
        }
        if (needsExactTest(differences, count)) {
            // Commons Math ranks |d| and counts zeros among the n; with zeros dropped the test stays exact
            double[] kept = new double[nonZero];
            int k = 0;
            for (double d : shifted) {
                if (d != 0) {
                    kept[k++] = d;
                }
            }
            return Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(kept, new double[nonZero], true));
        }
        Interval i = Interval.of(shifted);
        double se = i.ci95() / new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double t = Math.abs(i.mean()) / se;
        return Math.min(1, 2 * new TDistribution(n - 1).cumulativeProbability(-t));
    }

    /**
     * Seeds a paired study needs to detect a true difference of {@code size} with 80% power at a
     * two-sided 5% level, given the paired differences' standard deviation (see the four-argument form).
     */
    public static int seedsNeeded(double sd, double size, boolean exact) {
        return seedsNeeded(sd, size, 0.05, exact);
    }

    /**
     * Seeds a paired study needs to detect a true difference of {@code size} with 80% power at a
     * two-sided {@code level}: the smallest n with (t(1 - level/2, n-1) + t(0.8, n-1)) * sd / sqrt(n)
     * <= size, and at least {@link #MIN_SEEDS}. For differences that need the exact test, at least the
     * n at which the signed-rank test can reach the level at all (2 / 2^n below it: 6 at 5%).
     * {@link #UNREACHABLE} where no number of seeds would do (a size of 0).
     */
    public static int seedsNeeded(double sd, double size, double level, boolean exact) {
        int floor = MIN_SEEDS;
        if (exact) {
            floor = Math.max(floor, (int) Math.floor(Math.log(2 / level) / Math.log(2)) + 1);
        }
        if (!(sd > 0)) {
            return floor;
        }
        if (!(size > 0)) {
            return UNREACHABLE;
        }
        // the normal approximation as a start, then Student's t until it holds
        NormalDistribution z = new NormalDistribution();
        double ratio = sd / size;
        double start = Math.pow((z.inverseCumulativeProbability(1 - level / 2) + z.inverseCumulativeProbability(0.8)) * ratio, 2);
        if (start >= UNREACHABLE) {
            return UNREACHABLE;
        }
        int n = Math.max(floor, (int) Math.ceil(start));
        while (n < UNREACHABLE) {
            TDistribution t = new TDistribution(n - 1);
            double needed = (t.inverseCumulativeProbability(1 - level / 2) + t.inverseCumulativeProbability(0.8)) * ratio;
            if (needed * needed <= n) {
                return n;
            }
            n++;
        }
        return UNREACHABLE;
    }

    /** What {@link #seedsNeeded} answers when no practical number of seeds would do. */
    public static final int UNREACHABLE = 100_000;

    /**
     * Holm–Bonferroni: each p-value multiplied by the number of hypotheses not yet rejected before
     * it (in ascending order), made monotone, capped at 1. NaN p-values (claims not tested) take no
     * part and stay NaN.
     */
    public static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            m += Double.isNaN(p[i]) ? 0 : 1;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Double.isNaN(p[a]) ? 2 : p[a], Double.isNaN(p[b]) ? 2 : p[b]));
        double[] adjusted = new double[p.length];
        double running = 0;
        for (int rank = 0; rank < p.length; rank++) {
            int i = order[rank];
            if (Double.isNaN(p[i])) {
                adjusted[i] = Double.NaN;
                continue;
            }
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
