package org.mixupsuite.adversarial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mixupsuite.core.findings.CalibrationClaim;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Claim.Expect;
import org.mixupsuite.core.run.SettingText;

/**
 * The paper's robustness claims (§3.5, Table 3, ImageNet, ResNet-101, ε = 4/255) per mixup alpha
 * of the plan, for white-box FGSM and black-box FGSM and I-FGSM, at the paper's ε and at the
 * strength-matched ε (where ERM's white-box FGSM top-1 error is the paper's 90.7%,
 * {@link MatchedEpsilon}), each two ways: mixup's top-1 error
 * under attack is lower than ERM's (Table 3), and mixup's robust accuracy (100 − top-1 error) is a
 * larger multiple of ERM's, the paper's own "2.7 times more robust", compared per seed as a log
 * ratio. That both fail under white-box I-FGSM is tested only at the matched ε: at a fixed ε it
 * tests nothing where every model is at 100% error (the quick preset's largest) and is not the
 * paper's setting where ERM's FGSM error is far below 90.7% (4/255 on the quick MLP). The fixed
 * ε = 0.1, once the stand-in for the paper's strength, is measured but decides no claim: the
 * matched ε replaces it (it lands near 0.1 on the quick MLP), and repeating it would only enlarge
 * the Holm family.
 */
final class AdversarialClaims {

    /** The paper's top-1 errors (%) per box and attack, ERM then mixup. */
    private static final Map<String, double[]> PAPER_TOP1 = Map.of(
            "white fgsm", new double[] {90.7, 75.2}, "white i-fgsm", new double[] {99.9, 99.6},
            "black fgsm", new double[] {57.0, 46.0}, "black i-fgsm", new double[] {57.3, 40.9});
    /** Half a point of error: about a tenth of the paper's smallest gap in Table 3's claimed cells (11.0). */
    static final double ERROR_MARGIN = 0.5;
    /** Half the paper's smallest claimed ratio, on the log scale: ln(1.25) / 2, about 1.12 times. */
    static final double LOG_RATIO_MARGIN = Math.log(1.25) / 2;
    /**
     * "Both fail": mixup's white-box I-FGSM top-1 error is not lower than ERM's by more than half a
     * point, the same boundary the other claims use for a gain, so no difference reads both as a gain
     * there and as no gain here. The paper's own gap (99.9 vs 99.6, 0.3 points) lies inside it.
     * Stated before the matched ε was ever measured.
     */
    static final double BOTH_FAIL_MARGIN = ERROR_MARGIN;
    /** The attacks of the paper's three "more robust" claims: box, attack. */
    private static final String[][] ROBUSTNESS_CLAIMS = {{"white", "fgsm"}, {"black", "fgsm"}, {"black", "i-fgsm"}};

    private AdversarialClaims() {
    }

    static List<Claim> of(AdversarialStudy.Preset p) {
        List<Claim> out = new ArrayList<>();
        List<Double> epsilons = p.epsilons().stream()
                .filter(e -> Math.abs(e - AdversarialStudy.PAPER_EPSILON) < 1e-12).toList();
        for (double a : p.alphas()) {
            String alpha = number(a);
            if (p.epsilons().contains(0.0)) { // the clean rows: a model's calibration, before any attack
                Map<String, Object> clean = Map.of("epsilon", 0.0);
                out.add(CalibrationClaim.of("calibration-a" + alpha, "on clean test images, mixup α=" + alpha,
                        row(Map.of("method", "mixup", "alpha", a), "fgsm", "white", clean),
                        row(Map.of("method", "erm"), "fgsm", "white", clean)));
            }
            for (double e : epsilons) {
                for (String[] attack : ROBUSTNESS_CLAIMS) {
                    robustness(out, attack[0], attack[1], "eps" + epsilonId(e), "at ε=" + epsilonText(e), a,
                            Map.of("epsilon", e), "ε=4/255");
                }
            }
            // at the strength-matched ε: the epsilon differs per seed, the rows name the rule instead
            Map<String, Object> matched = Map.of("strength", MatchedEpsilon.STRENGTH);
            String atMatched = "at the matched ε (ERM's white-box FGSM top-1 error " + number(MatchedEpsilon.PAPER_ERROR)
                    + "% on held-out rows)";
            String paperStrength = "ε=4/255, where ERM's white-box FGSM top-1 error is " + number(MatchedEpsilon.PAPER_ERROR) + "%";
            for (String[] attack : ROBUSTNESS_CLAIMS) {
                robustness(out, attack[0], attack[1], "matched", atMatched, a, matched, paperStrength);
            }
            out.add(Claim.of("white-i-fgsm-matched-a" + alpha + "-both-fail", String.format(Locale.ROOT,
                    "under white-box I-FGSM %s, mixup α=%s fails as ERM does: its top-1 error is not lower by more than %s "
                            + "point", atMatched, alpha, number(BOTH_FAIL_MARGIN)), paper("white i-fgsm", paperStrength),
                    row(Map.of("method", "mixup", "alpha", a), "i-fgsm", "white", matched),
                    row(Map.of("method", "erm"), "i-fgsm", "white", matched), "top1_error", Expect.NOT_LOWER,
                    BOTH_FAIL_MARGIN));
        }
        return out;
    }

    /**
     * The two claims of one attack at one strength: mixup's top-1 error is lower than ERM's, and its
     * robust accuracy a larger multiple of ERM's.
     *
     * @param idPart   the strength in the id ("eps0.1", "matched")
     * @param strength the strength in the claim's words
     * @param where    the rows' strength setting (an epsilon, or the matched rule)
     * @param paperStrength the paper's strength in its figure's words
     */
    private static void robustness(List<Claim> out, String box, String name, String idPart, String strength, double a,
                                   Map<String, Object> where, String paperStrength) {
        String alpha = number(a);
        String id = box + "-" + name + "-" + idPart + "-a" + alpha;
        String text = String.format(Locale.ROOT, "under %s-box %s %s, mixup α=%s", box, name.toUpperCase(Locale.ROOT),
                strength, alpha);
        Map<String, Object> treated = row(Map.of("method", "mixup", "alpha", a), name, box, where);
        Map<String, Object> erm = row(Map.of("method", "erm"), name, box, where);
        out.add(Claim.of(id, text + " has lower top-1 error than ERM", paper(box + " " + name, paperStrength), treated, erm,
                "top1_error", Expect.LOWER, ERROR_MARGIN));
        out.add(Claim.of(id + "-ratio", text + " keeps a larger share of examples right than ERM (log ratio"
                + " of robust accuracies)", ratio(box + " " + name, paperStrength), treated, erm, "log_top1_robust_accuracy",
                Expect.HIGHER, LOG_RATIO_MARGIN));
    }

    /** The paper's robust-accuracy ratio, mixup's over ERM's, and its log (what the finding's effect reads). */
    private static String ratio(String boxAttack, String paperStrength) {
        double[] t = PAPER_TOP1.get(boxAttack);
        double r = (100 - t[1]) / (100 - t[0]);
        String said = boxAttack.equals("white fgsm") ? "\"2.7 times more robust\"" : boxAttack.equals("black fgsm")
                ? "\"1.25 times more robust\"" : "\"about 40% more robust\"";
        return String.format(Locale.ROOT, "%s: %.1f/%.1f = %.2f×, log %.2f (ImageNet, ResNet-101, %s)", said,
                100 - t[1], 100 - t[0], r, Math.log(r), paperStrength);
    }

    /** The rows of one method under one attack and box at one strength ({@code where}: an epsilon or the matched rule). */
    private static Map<String, Object> row(Map<String, Object> method, String attack, String box, Map<String, Object> where) {
        Map<String, Object> m = new LinkedHashMap<>(method);
        m.put("attack", attack);
        m.put("box", box);
        m.putAll(where);
        return m;
    }

    private static String paper(String boxAttack, String paperStrength) {
        double[] t = PAPER_TOP1.get(boxAttack);
        return String.format(Locale.ROOT, "top-1 ERM %.1f, mixup %.1f (ImageNet, ResNet-101, %s)", t[0], t[1], paperStrength);
    }

    private static String epsilonText(double e) {
        return Math.abs(e - AdversarialStudy.PAPER_EPSILON) < 1e-12 ? "4/255" : number(e);
    }

    private static String epsilonId(double e) {
        return Math.abs(e - AdversarialStudy.PAPER_EPSILON) < 1e-12 ? "4of255" : number(e);
    }

    static String number(double v) {
        return SettingText.number(v);
    }
}
