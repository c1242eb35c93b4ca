package org.mixupsuite.core.findings;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mixupsuite.core.run.RowMatch;
import org.mixupsuite.core.stats.Interval;

/**
 * Decides claims from metrics.json's condition rows. Seeds pair naturally (same data subset, same
 * initialization, same draws up to the method), so each claim is judged on the per-seed differences
 * treatment − reference: reproduced when their 95% interval lies on the claimed side of zero,
 * contradicted when it lies on the other side, inconclusive otherwise. {@link Claim.Expect#NOT_LOWER}
 * is reproduced when the interval rules out a gain larger than the claim's margin.
 */
public final class Findings {

    private Findings() {
    }

    public static List<Finding> evaluate(List<Claim> claims, List<Map<String, Object>> rows) {
        List<Finding> out = new ArrayList<>();
        for (Claim c : claims) {
            out.add(evaluate(c, rows));
        }
        return out;
    }

    public static Finding evaluate(Claim c, List<Map<String, Object>> rows) {
        String comparison = comparison(c);
        List<Map<String, Object>> treated = matching(c.treatment(), rows);
        List<Map<String, Object>> reference = matching(c.reference(), rows);
        if (treated.size() != 1 || reference.size() != 1) {
            String why = treated.size() != 1 ? count(treated.size(), c.treatment()) : count(reference.size(), c.reference());
            return unevaluated(c, comparison, why);
        }
        Map<Long, Double> t = perSeed(treated.get(0), c.figure());
        Map<Long, Double> r = perSeed(reference.get(0), c.referenceFigure());
        Set<Long> seeds = new TreeSet<>(t.keySet());
        seeds.retainAll(r.keySet());
        if (seeds.isEmpty()) {
            return unevaluated(c, comparison, "no seed has both figures (a condition diverged or lacks the figure)");
        }
        List<Double> diffs = new ArrayList<>();
        for (long s : seeds) {
            diffs.add(t.get(s) - r.get(s));
        }
        Interval d = Interval.of(diffs.stream().mapToDouble(Double::doubleValue).toArray());
        double treatmentMean = mean(seeds, t);
        double referenceMean = mean(seeds, r);
        Verdict indicative = decide(c, d.mean(), d.mean(), true);
        if (d.n() < 2) {
            return new Finding(c.id(), c.text(), c.paper(), comparison, treatmentMean, referenceMean, d.mean(), Double.NaN,
                    1, diffs, Verdict.INCONCLUSIVE, indicative, "1 seed, indicative");
        }
        Verdict verdict = decide(c, d.low(), d.high(), false);
        return new Finding(c.id(), c.text(), c.paper(), comparison, treatmentMean, referenceMean, d.mean(), d.ci95(),
                d.n(), diffs, verdict, verdict, null);
    }

    /**
     * The verdict for a difference known to lie in [low, high]. With one seed (low = high = the
     * difference, no interval) the margin stands in for the interval's width.
     */
    static Verdict decide(Claim c, double low, double high, boolean oneSeed) {
        double m = oneSeed ? c.margin() : 0;
        return switch (c.expect()) {
            case LOWER -> high < -m ? Verdict.REPRODUCED : low > m ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
            case HIGHER -> low > m ? Verdict.REPRODUCED : high < -m ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
            case NOT_LOWER -> low >= -c.margin() ? Verdict.REPRODUCED
                    : high < -m ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
        };
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
                List.of(), Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, "not evaluated: " + why);
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
     * The terminal's findings table, from metrics.json's findings entries: two lines a claim, the
     * verdict first (in parentheses when one seed only indicates it).
     *
     * @param study printed before each claim when the table spans studies, else null
     */
    public static void print(List<Map<String, Object>> findings, String study, PrintStream out) {
        for (Map<String, Object> f : findings) {
            out.printf(Locale.ROOT, "  %-15s %s%s: %s%n", label(f), study == null ? "" : study + " ", f.get("id"), f.get("claim"));
            out.printf(Locale.ROOT, "  %-15s %s   paper: %s%n", "", measured(f), f.get("paper"));
        }
    }

    public static final String TABLE_HEADER = "findings (mean paired difference over seeds, 95% interval):";

    /** The verdict as a reader should take it: one seed's direction is marked as indicative. */
    public static String label(Map<String, Object> f) {
        return oneSeed(f) ? "(" + f.get("indicative") + ")" : String.valueOf(f.get("verdict"));
    }

    /** e.g. "test_error_last: mixup α=32 − erm = -21.40 [-30.10, -12.70], 3 seeds". */
    public static String measured(Map<String, Object> f) {
        if (!(f.get("effect") instanceof Number effect)) {
            return String.valueOf(f.getOrDefault("note", "not evaluated"));
        }
        // points of error read to two decimals; shares (a GAN's high-quality fraction) need four
        String number = Math.abs(effect.doubleValue()) < 0.1 && f.get("ci95") instanceof Number ci
                && ci.doubleValue() < 0.1 ? "%+.4f" : "%+.2f";
        String text = String.format(Locale.ROOT, "%s = " + number, f.get("comparison"), effect.doubleValue());
        if (oneSeed(f)) {
            return text + ", 1 seed (indicative; no interval)";
        }
        if (f.get("ci_low") instanceof Number low && f.get("ci_high") instanceof Number high) {
            text += String.format(Locale.ROOT, " [" + number + ", " + number + "]", low.doubleValue(), high.doubleValue());
        }
        return text + ", " + f.get("seeds") + " seeds";
    }

    private static boolean oneSeed(Map<String, Object> f) {
        return f.get("seeds") instanceof Number n && n.intValue() == 1;
    }
}
