package org.mixupsuite.core.findings;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.mixupsuite.core.run.RowMatch;
import org.mixupsuite.core.run.SettingText;
import org.mixupsuite.core.stats.Interval;
import org.mixupsuite.core.stats.PairedTest;

/**
 * Decides claims from metrics.json's condition rows. Seeds pair naturally (same data subset, same
 * initialization, same draws up to the method), so each claim is judged on the per-seed differences
 * d = treatment − reference. The rules (docs/findings.md says where each comes from):
 * <ul>
 * <li>no verdict below {@link PairedTest#MIN_SEEDS} seeds: the finding reads inconclusive and shows
 *     only its direction;</li>
 * <li>each difference set is tested by Student's t, or by the exact signed-rank test where the
 *     figure is a count ({@link #countFigure}) or the differences do not spread ({@link PairedTest});</li>
 * <li>p-values are adjusted by Holm–Bonferroni over the claims of one study (one evaluate call);</li>
 * <li>a claimed difference ({@link Claim.Expect#LOWER}, {@link Claim.Expect#HIGHER}) is reproduced
 *     when the adjusted test puts it beyond zero in the claimed direction and the mean reaches the
 *     margin; contradicted when the adjusted test puts it beyond zero the other way, or when it is
 *     shown to lie within ±margin (two one-sided tests at 2.5%: no effect of the claimed size);</li>
 * <li>"no gain" ({@link Claim.Expect#NOT_LOWER}) is a non-inferiority test: reproduced when the
 *     adjusted test puts d above −margin, contradicted when d is shown to lie below −margin;</li>
 * <li>a seed on which one side diverged (its figure missing or not finite where the other has
 *     one) counts at the figure's worst value for that side, and the note says so;</li>
 * <li>a seed on which either side did not learn (figure {@value #LEARNED} = 0: its training error on
 *     correctly labelled examples stayed near chance) leaves the claim undecided: a failed arm is
 *     no evidence for or against a method;</li>
 * <li>an undecided claim states the seeds that would decide it at the observed spread and effect.</li>
 * </ul>
 */
public final class Findings {

    /** A condition's per-seed figure: 1 when the model learned, 0 when it stayed near chance. */
    public static final String LEARNED = "learned";

    /** The family-wise error rate the adjusted p-values are held to. */
    public static final double ALPHA = 0.05;

    private Findings() {
    }

    /** The study's claims, decided together: Holm's adjustment runs over those with a p-value. */
    public static List<Finding> evaluate(List<Claim> claims, List<Map<String, Object>> rows) {
        List<Finding> raw = new ArrayList<>();
        for (Claim c : claims) {
            raw.add(evaluate(c, rows));
        }
        double[] adjusted = PairedTest.holm(raw.stream().mapToDouble(Finding::p).toArray());
        int family = (int) raw.stream().filter(f -> !Double.isNaN(f.p())).count();
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(decide(claims.get(i), raw.get(i), adjusted[i], Math.max(1, family)));
        }
        return out;
    }

    /** One claim on its own: its p-value is its adjusted one (a family of one). */
    public static Finding evaluate(Claim c, List<Map<String, Object>> rows) {
        String comparison = comparison(c);
        List<Map<String, Object>> treated = matching(c.treatment(), rows);
        List<Map<String, Object>> reference = matching(c.reference(), rows);
        if (treated.size() != 1 || reference.size() != 1) {
            String why = treated.size() != 1 ? count(treated.size(), c.treatment()) : count(reference.size(), c.reference());
            return unevaluated(c, comparison, why);
        }
        String failed = didNotLearn(treated.get(0), "treatment", didNotLearn(reference.get(0), "reference", null));
        if (failed != null) {
            return unevaluated(c, comparison, failed);
        }
        Map<Long, Double> t = perSeed(treated.get(0), c.figure());
        Map<Long, Double> r = perSeed(reference.get(0), c.referenceFigure());
        List<String> diverged = new ArrayList<>();
        fillDiverged(t, seedsOf(treated.get(0)), r.keySet(), c.figure(), "treatment", diverged);
        fillDiverged(r, seedsOf(reference.get(0)), t.keySet(), c.referenceFigure(), "reference", diverged);
        Set<Long> seeds = new TreeSet<>(t.keySet());
        seeds.retainAll(r.keySet());
        if (seeds.isEmpty()) {
            return unevaluated(c, comparison, "no seed has both figures (a condition diverged or lacks the figure)");
        }
        double[] diffs = seeds.stream().mapToDouble(s -> t.get(s) - r.get(s)).toArray();
        List<Double> perSeed = Arrays.stream(diffs).boxed().toList();
        Interval d = Interval.of(diffs);
        boolean count = countFigure(c.figure());
        boolean exact = PairedTest.needsExactTest(diffs, count);
        double p = Double.NaN;
        if (d.n() >= PairedTest.MIN_SEEDS) {
            p = c.expect() == Claim.Expect.NOT_LOWER
                    ? (d.mean() > -c.margin() ? PairedTest.twoSidedP(diffs, -c.margin(), count) : 1)
                    : PairedTest.twoSidedP(diffs, 0, count);
        }
        String note = diverged.isEmpty() ? null : String.join("; ", diverged);
        Finding f = new Finding(c.id(), c.text(), c.paper(), comparison, mean(seeds, t), mean(seeds, r), d.mean(),
                d.n() < 2 ? Double.NaN : d.ci95(), d.n(), perSeed, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, note,
                c.margin(), exact ? "signed-rank" : "t", p, p, 0);
        return decide(c, f, p, 1);
    }

    /**
     * The finding with its verdict under the adjusted p-value, its direction and seeds-needed figure
     * ({@code family}: the number of claims Holm's adjustment ran over).
     */
    private static Finding decide(Claim c, Finding f, double pAdjusted, int family) {
        if (f.seeds() == 0) {
            return f;
        }
        double[] diffs = f.perSeed().stream().mapToDouble(Double::doubleValue).toArray();
        Verdict indicative = direction(c, f.difference());
        Verdict verdict = Verdict.INCONCLUSIVE;
        String note = f.note();
        int needed = 0;
        if (!f.decided()) {
            String why = f.seeds() + (f.seeds() == 1 ? " seed" : " seeds") + ": no verdict (" + PairedTest.MIN_SEEDS
                    + " needed)";
            note = note == null ? why : why + "; " + note;
        } else {
            verdict = verdict(c, diffs, f.difference(), pAdjusted);
        }
        if (verdict == Verdict.INCONCLUSIVE && f.seeds() >= 2) {
            needed = seedsNeeded(c, diffs, f.difference(), family, "signed-rank".equals(f.test()));
        }
        return new Finding(f.id(), f.text(), f.paper(), f.comparison(), f.treatmentMean(), f.referenceMean(),
                f.difference(), f.ci95(), f.seeds(), f.perSeed(), verdict, indicative, note,
                f.margin(), f.test(), f.p(), pAdjusted, needed);
    }

    /**
     * Seeds that would decide the claim with 80% power if the true effect were what was seen, but at
     * least the margin: for a claimed difference, an effect of max(|mean|, margin) away from zero; for
     * "no gain", the mean's distance from −margin. The level is Holm's strictest step over the
     * study's claims, 5% / family (Bonferroni), so the figure includes the price of many claims.
     */
    static int seedsNeeded(Claim c, double[] diffs, double mean, int family, boolean exact) {
        double sd = new StandardDeviation().evaluate(diffs);
        double size = c.expect() == Claim.Expect.NOT_LOWER ? Math.abs(mean + c.margin()) : Math.max(c.margin(), Math.abs(mean));
        return PairedTest.seedsNeeded(sd, size, ALPHA / family, exact);
    }

    /** The rules of the class comment, for a study of at least {@link PairedTest#MIN_SEEDS} seeds. */
    static Verdict verdict(Claim c, double[] diffs, double mean, double pAdjusted) {
        double m = c.margin();
        boolean count = countFigure(c.figure());
        boolean beyondZero = pAdjusted < ALPHA;
        return switch (c.expect()) {
            case LOWER, HIGHER -> {
                double claimed = c.expect() == Claim.Expect.LOWER ? -mean : mean; // > 0: the claimed way
                if (beyondZero && claimed > 0 && claimed >= m) {
                    yield Verdict.REPRODUCED;
                }
                if (beyondZero && claimed < 0 || m > 0 && withinMargin(diffs, mean, m, count)) {
                    yield Verdict.CONTRADICTED;
                }
                yield Verdict.INCONCLUSIVE;
            }
            case NOT_LOWER -> beyondZero ? Verdict.REPRODUCED
                    : oneSidedBelow(diffs, mean, -m, count) < ALPHA / 2 ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
        };
    }

    /** Two one-sided tests at 2.5%: the mean difference is shown to lie inside (−m, m). */
    private static boolean withinMargin(double[] diffs, double mean, double m, boolean count) {
        return oneSidedBelow(diffs, mean, m, count) < ALPHA / 2 && oneSidedAbove(diffs, mean, -m, count) < ALPHA / 2;
    }

    /** The one-sided p-value against "the mean difference is at least {@code bound}" (small: it lies below). */
    private static double oneSidedBelow(double[] diffs, double mean, double bound, boolean count) {
        double p = PairedTest.twoSidedP(diffs, bound, count);
        return mean < bound ? p / 2 : 1 - p / 2;
    }

    /** The one-sided p-value against "the mean difference is at most {@code bound}" (small: it lies above). */
    private static double oneSidedAbove(double[] diffs, double mean, double bound, boolean count) {
        double p = PairedTest.twoSidedP(diffs, bound, count);
        return mean > bound ? p / 2 : 1 - p / 2;
    }

    /** Which way the mean alone points, beyond the margin: what a run too small for a verdict may show. */
    static Verdict direction(Claim c, double mean) {
        double m = c.margin();
        return switch (c.expect()) {
            case LOWER -> mean < -m ? Verdict.REPRODUCED : mean > m ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
            case HIGHER -> mean > m ? Verdict.REPRODUCED : mean < -m ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
            case NOT_LOWER -> mean >= -m ? Verdict.REPRODUCED : Verdict.CONTRADICTED;
        };
    }

    /**
     * A seed listed in a row whose figure is missing or not finite there, while the other side has
     * it: the run diverged on that seed, which is evidence against the side that diverged, so it
     * counts at the figure's worst value. Figures without a known worst value leave the seed out.
     */
    private static void fillDiverged(Map<Long, Double> side, List<Long> listed, Set<Long> other, String figure,
                                     String name, List<String> notes) {
        double worst = worstValue(figure);
        for (long s : listed) {
            if (!side.containsKey(s) && other.contains(s) && !Double.isNaN(worst)) {
                side.put(s, worst);
                notes.add("seed " + s + " diverged on the " + name + " side: counted at " + SettingText.number(worst)
                        + " (" + figure + "'s worst)");
            }
        }
    }

    /**
     * Figures that only take whole values, whose paired differences the exact signed-rank test
     * reads: epochs. (A GAN's modes covered was one until it became a mean over snapshots.)
     */
    static boolean countFigure(String figure) {
        return figure.equals("best_epoch") || figure.equals("epochs_to_near_best");
    }

    /** The worst value a figure can take: 100 for an error in %, 0 for modes covered or a share of samples; else NaN. */
    static double worstValue(String figure) {
        if (figure.contains("error")) {
            return 100;
        }
        if (figure.equals("modes_covered") || figure.startsWith("high_quality_fraction") && !figure.endsWith("chance")) {
            return 0;
        }
        return Double.NaN;
    }

    /** "the reference did not learn on seed 1 (...)", joined to {@code before}; null when every seed learned. */
    private static String didNotLearn(Map<String, Object> row, String side, String before) {
        List<Long> failed = perSeed(row, LEARNED).entrySet().stream().filter(e -> e.getValue() < 0.5)
                .map(Map.Entry::getKey).toList();
        if (failed.isEmpty()) {
            return before;
        }
        String text = "the " + side + " did not learn on seed" + (failed.size() == 1 ? " " : "s ")
                + failed.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + " (training error on its real labels near chance)";
        return before == null ? text : before + "; " + text;
    }

    private static List<Long> seedsOf(Map<String, Object> row) {
        List<Long> out = new ArrayList<>();
        if (row.get("seeds") instanceof List<?> seeds) {
            for (Object s : seeds) {
                if (s instanceof Number n) {
                    out.add(n.longValue());
                }
            }
        } else {
            out.add(row.get("seed") instanceof Number s ? s.longValue() : 0L);
        }
        return out;
    }

    /** A figure of a row per seed: the {@code _per_seed} list of a multi-seed row, else the row's own value. */
    static Map<Long, Double> perSeed(Map<String, Object> row, String figure) {
        Map<Long, Double> out = new LinkedHashMap<>();
        if (row.get("seeds") instanceof List<?> seeds && row.get(figure + "_per_seed") instanceof List<?> values) {
            for (int i = 0; i < Math.min(seeds.size(), values.size()); i++) {
                if (seeds.get(i) instanceof Number s && values.get(i) instanceof Number v && Double.isFinite(v.doubleValue())) {
                    out.put(s.longValue(), v.doubleValue());
                }
            }
        } else if (row.get(figure) instanceof Number v && Double.isFinite(v.doubleValue())) {
            long seed = row.get("seed") instanceof Number s ? s.longValue() : 0;
            out.put(seed, v.doubleValue());
        }
        return out;
    }

    private static List<Map<String, Object>> matching(Map<String, Object> match, List<Map<String, Object>> rows) {
        return rows.stream().filter(row -> RowMatch.matches(match, row)).toList();
    }

    private static String count(int n, Map<String, Object> match) {
        return (n == 0 ? "no condition matches " : n + " conditions match ") + match;
    }

    private static Finding unevaluated(Claim c, String comparison, String why) {
        return new Finding(c.id(), c.text(), c.paper(), comparison, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                List.of(), Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, "not evaluated: " + why, c.margin(), "t",
                Double.NaN, Double.NaN, 0);
    }

    private static double mean(Set<Long> seeds, Map<Long, Double> values) {
        return seeds.stream().mapToDouble(values::get).average().orElse(Double.NaN);
    }

    /** "figure: treatment − reference", naming each side by the settings where the two differ (method first). */
    static String comparison(Claim c) {
        if (c.treatment().equals(c.reference())) {
            return c.figure() + " − " + c.referenceFigure();
        }
        Set<String> keys = new TreeSet<>((a, b) -> a.equals(b) ? 0 : isName(a) ? -1 : isName(b) ? 1 : a.compareTo(b));
        keys.addAll(c.treatment().keySet());
        keys.addAll(c.reference().keySet());
        List<String> t = new ArrayList<>();
        List<String> r = new ArrayList<>();
        for (String k : keys) {
            Object a = c.treatment().get(k);
            Object b = c.reference().get(k);
            if (a == null || !a.equals(b)) {
                if (a != null) {
                    t.add(settingText(k, a));
                }
                if (b != null) {
                    r.add(settingText(k, b));
                }
            }
        }
        String figure = c.figure().equals(c.referenceFigure()) ? c.figure() : c.figure() + " vs " + c.referenceFigure();
        return figure + ": " + String.join(" ", t) + " − " + String.join(" ", r);
    }

    private static boolean isName(String key) {
        return key.equals("method") || key.equals("arm");
    }

    private static String settingText(String key, Object value) {
        if (isName(key)) {
            return value.toString();
        }
        String v = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue()) : value.toString();
        return (key.equals("alpha") ? "α" : key.equals("dropout") ? "p" : key) + "=" + v;
    }

    /**
     * The terminal's findings table, from metrics.json's findings entries: one line a claim (at most
     * {@link #LINE_WIDTH} characters), printed once; the claim's words, the paper's figure and the
     * per-seed values stay in metrics.json and on the report page.
     *
     * @param study printed before each claim when the table spans studies, else null
     */
    public static void print(List<Map<String, Object>> findings, String study, PrintStream out) {
        for (Map<String, Object> f : findings) {
            out.println(line(f, study));
        }
    }

    public static final int LINE_WIDTH = 100;

    public static final String TABLE_HEADER = "findings: claim, mean difference [95% CI], Holm-adjusted p, verdict"
            + " (docs/findings.md):";

    /**
     * e.g. "  corrupt-labels c50-last        reproduced    -21.40 [-30.10, -12.70]  p_adj 0.004": the
     * verdict before the numbers, so that a line cut at the terminal's width keeps it.
     */
    public static String line(Map<String, Object> f, String study) {
        String name = (study == null ? "" : study + " ") + f.get("id");
        String rest;
        if (!(f.get("effect") instanceof Number effect)) {
            rest = String.format(Locale.ROOT, "%-12s %s", "no verdict", f.getOrDefault("note", "not evaluated"));
        } else {
            String number = format(f, effect.doubleValue());
            String value = String.format(Locale.ROOT, number, effect.doubleValue());
            if (!decided(f)) {
                int n = f.get("seeds") instanceof Number s ? s.intValue() : 0;
                rest = String.format(Locale.ROOT, "%-12s %s  %d %s, %s", "no verdict", value, n, n == 1 ? "seed" : "seeds",
                        direction(f));
            } else {
                rest = String.format(Locale.ROOT, "%-12s %s", f.get("verdict"), value);
                if (f.get("ci_low") instanceof Number low && f.get("ci_high") instanceof Number high) {
                    rest += String.format(Locale.ROOT, " [" + number + ", " + number + "]", low.doubleValue(), high.doubleValue());
                }
                if (f.get("p_adjusted") instanceof Number p) {
                    rest += String.format(Locale.ROOT, "  p_adj %.3f", p.doubleValue());
                }
                if (f.get("seeds_needed") instanceof Number needed) {
                    rest += "  " + seedsNeededText(f, needed.intValue());
                }
            }
        }
        String line = String.format(Locale.ROOT, "  %-30s %s", name, rest);
        return line.length() <= LINE_WIDTH ? line : line.substring(0, LINE_WIDTH - 1) + "…";
    }

    /** e.g. "needs ~24 seeds": the seeds that would decide the claim at the observed spread. */
    public static String seedsNeededText(Map<String, Object> f, int needed) {
        return needed >= PairedTest.UNREACHABLE ? "no practical number of seeds decides it" : "needs ~" + needed + " seeds";
    }

    /** Whether the finding had the seeds for a verdict. */
    public static boolean decided(Map<String, Object> f) {
        return f.get("seeds") instanceof Number n && n.intValue() >= PairedTest.MIN_SEEDS;
    }

    /** Which way too few seeds point, in words that are not a verdict. */
    public static String direction(Map<String, Object> f) {
        return switch (String.valueOf(f.get("indicative"))) {
            case "reproduced" -> "points the claimed way";
            case "contradicted" -> "points against the claim";
            default -> "within the margin";
        };
    }

    /** The verdict as a reader should take it: "no verdict" below the seeds a verdict needs. */
    public static String label(Map<String, Object> f) {
        return decided(f) ? String.valueOf(f.get("verdict")) : "no verdict";
    }

    /** e.g. "test_error_last: mixup α=32 − erm = -21.40 [-30.10, -12.70], 3 seeds". */
    public static String measured(Map<String, Object> f) {
        if (!(f.get("effect") instanceof Number effect)) {
            return String.valueOf(f.getOrDefault("note", "not evaluated"));
        }
        String number = format(f, effect.doubleValue());
        String text = String.format(Locale.ROOT, "%s = " + number, f.get("comparison"), effect.doubleValue());
        if (f.get("ci_low") instanceof Number low && f.get("ci_high") instanceof Number high) {
            text += String.format(Locale.ROOT, " [" + number + ", " + number + "]", low.doubleValue(), high.doubleValue());
        }
        int n = f.get("seeds") instanceof Number s ? s.intValue() : 0;
        return text + ", " + n + (n == 1 ? " seed" : " seeds");
    }

    /** Points of error read to two decimals; shares (a GAN's high-quality fraction) need four. */
    private static String format(Map<String, Object> f, double effect) {
        boolean small = Math.abs(effect) < 0.1 && (!(f.get("ci95") instanceof Number ci) || ci.doubleValue() < 0.1);
        return small ? "%+.4f" : "%+.2f";
    }
}
