package org.mixupsuite.core.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.findings.Claim.Expect;

class FindingsTest {

    private static final Map<String, Object> ERM = Map.of("method", "erm");
    private static final Map<String, Object> MIXUP = Map.of("method", "mixup");

    /** A multi-seed metrics.json row: per-seed values of one figure. */
    private static Map<String, Object> row(String method, List<Long> seeds, double... values) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", method);
        r.put("seeds", seeds);
        r.put("test_error_per_seed", java.util.Arrays.stream(values).boxed().toList());
        return r;
    }

    private static Claim lower(double margin) {
        return Claim.of("c", "mixup's error is lower", "paper", MIXUP, ERM, "test_error", Expect.LOWER, margin);
    }

    @Test
    void pairsSeedsAndGivesTheMeanDifferenceWithItsStudentInterval() {
        List<Long> seeds = List.of(0L, 1L, 2L);
        Finding f = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 30, 20, 40), row("mixup", seeds, 24.5, 16.5, 32.5)));
        // differences -5.5, -3.5, -7.5: mean -5.5, sd 2, half-width t(0.975, 2) * 2 / sqrt(3)
        double half = new TDistribution(2).inverseCumulativeProbability(0.975) * 2 / Math.sqrt(3);
        assertEquals(-5.5, f.difference(), 1e-12);
        assertEquals(half, f.ci95(), 1e-9);
        assertEquals(3, f.seeds());
        assertEquals(List.of(-5.5, -3.5, -7.5), f.perSeed());
        assertEquals("t", f.test());
        assertEquals(Verdict.REPRODUCED, f.verdict(), "every seed lower, interval below 0");
        assertEquals(30.0, f.referenceMean(), 1e-12);
    }

    @Test
    void pairingIgnoresTheLargeSpreadBetweenSeedsThatUnpairedMeansWouldSuffer() {
        List<Long> seeds = List.of(0L, 1L, 2L);
        // seeds differ by 20 points, the methods by 1 point on each seed: paired, that is decisive
        Finding f = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 10, 30, 50), row("mixup", seeds, 9, 29, 49.1)));
        assertEquals(Verdict.REPRODUCED, f.verdict());
    }

    @Test
    void anIntervalAcrossZeroIsInconclusiveAndOneOnTheOtherSideContradicts() {
        List<Long> seeds = List.of(0L, 1L, 2L);
        Finding mixed = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 20, 20, 20), row("mixup", seeds, 18, 22, 19)));
        assertEquals(Verdict.INCONCLUSIVE, mixed.verdict());
        assertTrue(mixed.low() < 0 && mixed.high() > 0);
        Finding worse = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 20, 20, 20), row("mixup", seeds, 23, 24, 23.5)));
        assertEquals(Verdict.CONTRADICTED, worse.verdict());
    }

    @Test
    void identicalArmsNeverReproduceAnEffect() {
        // what a mixup that silently does nothing looks like: the mixup row equals the ERM row
        List<Long> seeds = List.of(0L, 1L, 2L);
        Finding f = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 20, 25, 30), row("mixup", seeds, 20, 25, 30)));
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        Map<String, Object> erm = new LinkedHashMap<>(Map.of("method", "erm", "seed", 4, "test_error", 20.0));
        Map<String, Object> mixup = new LinkedHashMap<>(Map.of("method", "mixup", "seed", 4, "test_error", 20.0));
        assertEquals(Verdict.INCONCLUSIVE, Findings.evaluate(lower(0.5), List.of(erm, mixup)).indicative());
    }

    @Test
    void oneSeedGivesNoVerdictOnlyAnIndicationBeyondTheMargin() {
        Map<String, Object> erm = Map.of("method", "erm", "seed", 7, "test_error", 20.0);
        Finding clear = Findings.evaluate(lower(0.5), List.of(erm, Map.of("method", "mixup", "seed", 7, "test_error", 18.0)));
        assertEquals(Verdict.INCONCLUSIVE, clear.verdict());
        assertEquals(Verdict.REPRODUCED, clear.indicative());
        assertEquals(1, clear.seeds());
        assertEquals("1 seed: no verdict (3 needed)", clear.note());
        assertTrue(Double.isNaN(clear.ci95()));
        Finding small = Findings.evaluate(lower(0.5), List.of(erm, Map.of("method", "mixup", "seed", 7, "test_error", 19.8)));
        assertEquals(Verdict.INCONCLUSIVE, small.indicative(), "within the margin");
        Finding against = Findings.evaluate(lower(0.5), List.of(erm, Map.of("method", "mixup", "seed", 7, "test_error", 21.0)));
        assertEquals(Verdict.CONTRADICTED, against.indicative());
    }

    @Test
    void notLowerIsReproducedWhenTheIntervalRulesOutAGainBeyondTheMargin() {
        Claim noGain = Claim.of("k3", "k = 3 is no better", "paper", Map.of("method", "k3"), MIXUP, "test_error",
                Expect.NOT_LOWER, 1.0);
        List<Long> seeds = List.of(0L, 1L, 2L, 3L);
        Finding same = Findings.evaluate(noGain, List.of(row("mixup", seeds, 20, 21, 19, 20), row("k3", seeds, 20.2, 21.1, 19.3, 20.4)));
        assertEquals(Verdict.REPRODUCED, same.verdict());
        Finding better = Findings.evaluate(noGain, List.of(row("mixup", seeds, 20, 21, 19, 20), row("k3", seeds, 17, 18.2, 16, 17.1)));
        assertEquals(Verdict.CONTRADICTED, better.verdict());
        Finding noisy = Findings.evaluate(noGain, List.of(row("mixup", seeds, 20, 21, 19, 20), row("k3", seeds, 16, 25, 15, 22)));
        assertEquals(Verdict.INCONCLUSIVE, noisy.verdict());
    }

    @Test
    void twoFiguresOfOneRowCompareAsWell() {
        Claim collapse = new Claim("collapse", "ERM covers fewer than all modes", "pictures", ERM, "modes_covered", ERM,
                "modes_total", Expect.LOWER, 0.5);
        Map<String, Object> r = new LinkedHashMap<>(Map.of("method", "erm", "seeds", List.of(0, 1, 2)));
        r.put("modes_covered_per_seed", List.of(2, 3, 1));
        r.put("modes_total_per_seed", List.of(8, 8, 8));
        Finding f = Findings.evaluate(collapse, List.of(r));
        assertEquals(-6, f.difference(), 1e-12);
        assertEquals("modes_covered − modes_total", f.comparison());
        // modes covered is a mean over snapshots now, not a count: Student's t, which 3 seeds this clear decide
        assertEquals("t", f.test());
        assertEquals(Verdict.REPRODUCED, f.verdict());
    }

    @Test
    void anArmThatDidNotLearnOnASeedDecidesNothing() {
        List<Long> seeds = List.of(0L, 1L, 2L);
        Map<String, Object> erm = new java.util.HashMap<>(row("erm", seeds, 40.5, 45.2, 42.1));
        Map<String, Object> mixup = new java.util.HashMap<>(row("mixup", seeds, 20, 21, 22));
        Finding clear = Findings.evaluate(lower(0.5), List.of(erm, mixup));
        assertEquals(Verdict.REPRODUCED, clear.verdict(), "20 to 24 points on every seed");
        erm.put("learned_per_seed", List.of(1.0, 0.0, 1.0));
        Finding failed = Findings.evaluate(lower(0.5), List.of(erm, mixup));
        assertEquals(Verdict.INCONCLUSIVE, failed.verdict());
        assertEquals(0, failed.seeds());
        assertTrue(failed.note().contains("the reference did not learn on seed 1"), failed.note());
        erm.put("learned_per_seed", List.of(1.0, 1.0, 1.0));
        assertEquals(Verdict.REPRODUCED, Findings.evaluate(lower(0.5), List.of(erm, mixup)).verdict(), "all learned");
    }

    @Test
    void aClaimWhoseRowsAreMissingOrAmbiguousIsNotEvaluated() {
        Finding missing = Findings.evaluate(lower(0.5), List.of(row("erm", List.of(0L), 20)));
        assertEquals(0, missing.seeds());
        assertTrue(missing.note().contains("no condition matches"), missing.note());
        Finding twice = Findings.evaluate(Claim.of("c", "t", "p", Map.of(), ERM, "test_error", Expect.LOWER, 0),
                List.of(row("erm", List.of(0L), 20), row("mixup", List.of(0L), 19)));
        assertTrue(twice.note().contains("2 conditions match"), twice.note());
        assertEquals(Verdict.INCONCLUSIVE, twice.verdict());
    }

    @Test
    void onlySeedsPresentOnBothSidesArePaired() {
        Finding f = Findings.evaluate(lower(0),
                List.of(row("erm", List.of(0L, 1L, 2L), 20, 21, 22), row("mixup", List.of(1L, 2L, 3L), 19, 20, 5)));
        assertEquals(2, f.seeds());
        assertEquals(List.of(-2.0, -2.0), f.perSeed());
    }

    // ---- the decision rules at their boundaries (docs/findings.md) ----

    private static Finding lowerOn(double margin, double... diffs) {
        List<Long> seeds = new java.util.ArrayList<>();
        double[] erm = new double[diffs.length];
        double[] mixup = new double[diffs.length];
        for (int i = 0; i < diffs.length; i++) {
            seeds.add((long) i);
            erm[i] = 30;
            mixup[i] = 30 + diffs[i];
        }
        return Findings.evaluate(lower(margin), List.of(row("erm", seeds, erm), row("mixup", seeds, mixup)));
    }

    @Test
    void twoSeedsGiveNoVerdictHoweverClear() {
        Finding f = lowerOn(0.5, -10.1, -9.9);
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertEquals(Verdict.REPRODUCED, f.indicative(), "the direction is still shown");
        assertTrue(Double.isNaN(f.p()), "no test below 3 seeds");
        assertTrue(f.note().startsWith("2 seeds: no verdict"), f.note());
    }

    @Test
    void anEffectBeyondZeroButBelowTheMarginIsNotReproduced() {
        // six seeds around -0.45 with margin 0.5: clearly below zero, but the mean misses the margin
        Finding f = lowerOn(0.5, -0.2, -0.7, -0.45, -0.3, -0.6, -0.45);
        assertTrue(f.pAdjusted() < 0.05 && f.high() < 0, "the interval lies below zero");
        assertTrue(f.low() < -0.5, "and reaches past the margin, so no equivalence either");
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.seedsNeeded() >= 3);
    }

    @Test
    void anIntervalWhollyInsideTheMarginContradictsAClaimedDifference() {
        Finding f = lowerOn(1.0, -0.1, 0.05, -0.02, 0.08, -0.05);
        assertTrue(f.low() > -1 && f.high() < 1);
        assertEquals(Verdict.CONTRADICTED, f.verdict(), "no effect of the claimed size");
    }

    @Test
    void aClearEffectBeyondTheMarginIsReproduced() {
        assertEquals(Verdict.REPRODUCED, lowerOn(0.5, -2.1, -1.8, -2.4).verdict());
    }

    @Test
    void notLowerIsContradictedOnlyWhenTheIntervalLiesBeyondTheMargin() {
        Claim noGain = Claim.of("k3", "k = 3 is no better", "paper", Map.of("method", "k3"), MIXUP, "test_error",
                Expect.NOT_LOWER, 0.5);
        List<Long> seeds = List.of(0L, 1L, 2L, 3L, 4L);
        // a gain well inside the margin: the old rule read "contradicted" since the interval lay below 0
        Finding inside = Findings.evaluate(noGain, List.of(row("mixup", seeds, 20, 20, 20, 20, 20),
                row("k3", seeds, 19.75, 19.7, 19.65, 19.7, 19.7)));
        assertTrue(inside.high() < 0 && inside.low() > -0.5, inside.low() + " " + inside.high());
        assertEquals(Verdict.REPRODUCED, inside.verdict(), "a gain below the margin is no gain");
        Finding straddles = Findings.evaluate(noGain, List.of(row("mixup", seeds, 20, 20, 20, 20, 20),
                row("k3", seeds, 19.2, 19.9, 19.5, 19.3, 19.85)));
        assertTrue(straddles.low() < -0.5 && straddles.high() > -0.5);
        assertEquals(Verdict.INCONCLUSIVE, straddles.verdict());
    }

    @Test
    void countsAndDifferencesWithoutSpreadNeedTheExactTestWholeErrorsDoNot() {
        Finding three = lowerOn(0.5, -2, -2, -2); // zero spread: a t interval of width 0
        assertEquals("signed-rank", three.test());
        assertEquals(Verdict.INCONCLUSIVE, three.verdict());
        // an error on 1,000 rows moves in steps of 0.1: whole-point differences are a coincidence, not a count
        Finding whole = lowerOn(0.5, -10, -9, -8);
        assertEquals("t", whole.test());
        assertEquals(Verdict.REPRODUCED, whole.verdict());
        // epochs are a count: the exact test, whose floor is 2 / 2^n
        Claim faster = Claim.of("e", "converges sooner", "paper", MIXUP, ERM, "epochs_to_near_best", Expect.LOWER, 0.5);
        List<Long> six = List.of(0L, 1L, 2L, 3L, 4L, 5L);
        Map<String, Object> erm = new LinkedHashMap<>(Map.of("method", "erm", "seeds", six));
        erm.put("epochs_to_near_best_per_seed", List.of(10, 10, 10, 10, 10, 10));
        Map<String, Object> mixup = new LinkedHashMap<>(Map.of("method", "mixup", "seeds", six));
        mixup.put("epochs_to_near_best_per_seed", List.of(8, 8, 8, 9, 7, 8));
        Finding counted = Findings.evaluate(faster, List.of(erm, mixup));
        assertEquals("signed-rank", counted.test());
        assertEquals(2.0 / 64, counted.p(), 1e-12, "all six the same sign: 2 / 2^6");
        assertEquals(Verdict.REPRODUCED, counted.verdict());
    }

    @Test
    void holmAdjustsAcrossTheStudysClaims() {
        List<Long> seeds = List.of(0L, 1L, 2L, 3L);
        Claim a = Claim.of("a", "a", "p", MIXUP, ERM, "test_error", Expect.LOWER, 0.5);
        Claim b = Claim.of("b", "b", "p", MIXUP, ERM, "other_error", Expect.LOWER, 0.5);
        Map<String, Object> erm = row("erm", seeds, 30, 30, 30, 30);
        erm.put("other_error_per_seed", List.of(30.0, 30.0, 30.0, 30.0));
        Map<String, Object> mixup = row("mixup", seeds, 29, 27.4, 28.7, 26.6);
        mixup.put("other_error_per_seed", List.of(29.2, 27.3, 28.5, 26.4));
        Finding alone = Findings.evaluate(a, List.of(erm, mixup));
        assertTrue(alone.p() > 0.025 && alone.p() < 0.05, "p " + alone.p());
        assertEquals(Verdict.REPRODUCED, alone.verdict());
        List<Finding> both = Findings.evaluate(List.of(a, b), List.of(erm, mixup));
        assertTrue(both.get(0).pAdjusted() >= 0.05, "Holm: the smaller p doubled, the larger kept, made monotone");
        assertEquals(Verdict.INCONCLUSIVE, both.get(0).verdict());
        assertEquals(Verdict.REPRODUCED, both.get(0).indicative(), "the direction stays, decided or not");
        assertEquals(alone.p(), both.get(0).p(), 1e-12, "the raw p stays");
    }

    @Test
    void aDivergedSeedCountsAtTheWorstValueForTheSideThatDiverged() {
        List<Long> seeds = List.of(0L, 1L, 2L);
        Map<String, Object> erm = row("erm", seeds, 30, 31, 29);
        Map<String, Object> mixup = row("mixup", seeds, 25, 0, 24);
        List<Object> values = new java.util.ArrayList<>(List.of(25.0, 24.0));
        values.add(1, null); // seed 1 diverged for mixup
        mixup.put("test_error_per_seed", values);
        Finding f = Findings.evaluate(lower(0.5), List.of(erm, mixup));
        assertEquals(3, f.seeds());
        assertEquals(List.of(-5.0, 69.0, -5.0), f.perSeed());
        assertTrue(f.note().contains("seed 1 diverged on the treatment side"), f.note());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict(), "a diverged mixup seed is evidence against mixup");
    }

    @Test
    void theTerminalLineIsOneShortLineWithoutAVerdictWordBelowThreeSeeds() {
        Map<String, Object> one = lowerOn(0.5, -3.0).toJson();
        String line = Findings.line(one, "corrupt-labels");
        assertTrue(line.contains("no verdict") && line.contains("1 seed, points the claimed way"), line);
        assertTrue(!line.contains("reproduced") && !line.contains("contradicted"), line);
        Map<String, Object> decided = lowerOn(0.5, -2.1, -1.8, -2.4).toJson();
        String d = Findings.line(decided, "corrupt-labels");
        assertTrue(d.contains(" reproduced ") && d.contains("p_adj"), d);
        Map<String, Object> open = lowerOn(1.0, -1.0, 1.5, -0.5).toJson();
        String o = Findings.line(open, "speech");
        assertTrue(o.contains("needs ~") && o.contains(" inconclusive "), o);
        for (String l : List.of(line, d, o)) {
            assertTrue(l.length() <= Findings.LINE_WIDTH, l);
        }
    }

    @Test
    void seedsNeededGrowWithTheFamilyAndShrinkWithTheEffect() {
        int one = org.mixupsuite.core.stats.PairedTest.seedsNeeded(2.0, 1.0, 0.05, false);
        assertTrue(org.mixupsuite.core.stats.PairedTest.seedsNeeded(2.0, 1.0, 0.05 / 20, false) > one, "20 claims cost seeds");
        assertTrue(org.mixupsuite.core.stats.PairedTest.seedsNeeded(2.0, 4.0, 0.05, false) < one);
        assertEquals(11, org.mixupsuite.core.stats.PairedTest.seedsNeeded(0.0, 1.0, 0.05 / 27, true),
                "the signed-rank test reaches 0.05 / 27 only from 11 seeds (2 / 2^11 < 0.00185)");
        // 27 claims: an effect of 23 points at a spread of 5 (c50-last at quick scale) is decided on a handful of seeds
        Finding big = lowerOn(1.0, -18.1, -24.4, -27.3);
        assertTrue(big.seedsNeeded() == 0 || big.seedsNeeded() <= 4, "decided, or nearly: " + big.seedsNeeded());
    }

    // ---- the rules on simulated studies: paired differences drawn from a normal distribution ----

    private static double[] study(org.apache.commons.math3.distribution.NormalDistribution draws, int seeds) {
        return draws.sample(seeds);
    }

    @Test
    void withNoTrueEffectAtMostFivePercentOfStudiesReproduce() {
        for (int seeds : new int[] {3, 5, 10}) {
            org.apache.commons.math3.distribution.NormalDistribution draws = new org.apache.commons.math3.distribution
                    .NormalDistribution(new org.apache.commons.math3.random.Well19937c(seeds), 0, 2.0);
            int studies = 4000;
            int reproduced = 0;
            for (int i = 0; i < studies; i++) {
                reproduced += lowerOn(0.5, study(draws, seeds)).verdict() == Verdict.REPRODUCED ? 1 : 0;
            }
            assertTrue(reproduced <= 0.05 * studies, seeds + " seeds: " + reproduced + " of " + studies + " reproduced");
            assertTrue(reproduced > 0.01 * studies, seeds + " seeds: " + reproduced + " of " + studies
                    + ": the test should spend most of its 2.5% one-sided error rate, not be deaf");
        }
    }

    @Test
    void withTheMarginAsTrueEffectTheSeedsNeededGiveEightyPercentPower() {
        double sd = 2.0;
        double margin = 1.0;
        int seeds = org.mixupsuite.core.stats.PairedTest.seedsNeeded(sd, margin, false);
        assertTrue(seeds >= 33 && seeds <= 36, "((1.96 + 0.84) * 2)^2 = 31.4, more with t: " + seeds);
        org.apache.commons.math3.distribution.NormalDistribution draws = new org.apache.commons.math3.distribution
                .NormalDistribution(new org.apache.commons.math3.random.Well19937c(7), -margin, sd);
        int studies = 3000;
        int beyondZero = 0;
        int reproduced = 0;
        for (int i = 0; i < studies; i++) {
            Finding f = lowerOn(margin, study(draws, seeds));
            beyondZero += f.pAdjusted() < 0.05 && f.difference() < 0 ? 1 : 0;
            reproduced += f.verdict() == Verdict.REPRODUCED ? 1 : 0;
        }
        assertEquals(0.80, beyondZero / (double) studies, 0.03, "power to tell an effect of the margin from zero");
        // the verdict also asks the estimate to reach the margin: at a true effect of exactly the
        // margin that holds about half the time (docs/findings.md)
        assertEquals(0.5, reproduced / (double) studies, 0.04);
    }
}
