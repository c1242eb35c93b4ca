package org.mixupsuite.corruptlabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mixupsuite.core.findings.CalibrationClaim;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Claim.Expect;
import org.mixupsuite.core.mixup.Method;

/**
 * The paper's memorization claims (§3.4, Table 2, CIFAR-10, PreAct ResNet-18) and, at a 0%
 * corruption rate, its clean-label claims (§3.2, Fig. 3), as comparisons of this plan's conditions.
 * Margins are points of error (docs/findings.md gives each one's reason).
 */
final class MemorizationClaims {

    /** Half the paper's smallest CIFAR-10 gain of mixup over ERM (1.0 point: DenseNet 3.7 to 2.7). */
    static final double CLEAN_MARGIN = 0.5;
    /** About a third of the paper's smallest gap in Table 2 between the methods it ranks (2.8 points). */
    static final double NOISE_MARGIN = 1.0;
    /** The ICLR version's mixup + dropout gains are 0.2 to 6.1 points (unconfirmed): half a point of error. */
    static final double COMBINED_MARGIN = 0.5;
    /** How near its own best a run must come to count as converged for the speed claim, in points of error. */
    static final double NEAR_BEST = 1.0;

    private MemorizationClaims() {
    }

    static List<Claim> of(ScalePreset p) {
        List<Claim> out = new ArrayList<>();
        for (double c : p.corruptions()) {
            if (c == 0) {
                clean(p, out);
            } else {
                noisy(p, c, out);
            }
        }
        return out;
    }

    private static void clean(ScalePreset p, List<Claim> out) {
        if (!p.methods().contains(Method.ERM) || !p.methods().contains(Method.MIXUP)) {
            return;
        }
        Map<String, Object> erm = Map.of("method", "erm", "corruption", 0.0);
        int slack = Math.max(1, p.epochs() / 10);
        List<Double> alphas = p.alphasAt(0);
        for (double a : alphas) {
            String id = "c0" + (alphas.size() > 1 ? "-a" + MemorizationCondition.number(a) : "");
            Map<String, Object> mixup = Map.of("method", "mixup", "alpha", a, "corruption", 0.0);
            out.add(Claim.of(id + "-clean-last", "on clean labels, mixup's last-epoch test error is lower than ERM's",
                    "ERM 5.6, mixup 3.9 (v1; 4.2 in v2) (CIFAR-10, PreAct ResNet-18, α=1)", mixup, erm, "test_error_last",
                    Expect.LOWER, CLEAN_MARGIN));
            // "similar speed" as the half that matters to a user: mixup is not slower by more than a tenth of the run
            out.add(Claim.of(id + "-converges-alike", "on clean labels, mixup comes within " + NEAR_BEST
                    + " point of its best test error at most " + slack + " epochs after ERM does",
                    "curves only: \"mixup and ERM converge at a similar speed to their best test errors\" (Fig. 3b, "
                            + "CIFAR-10, DenseNet-190)", erm, mixup, "epochs_to_near_best", Expect.NOT_LOWER, slack));
            out.add(CalibrationClaim.of(id + "-calibration", "on clean labels, mixup α=" + MemorizationCondition.number(a),
                    mixup, erm));
        }
    }

    private static void noisy(ScalePreset p, double c, List<Claim> out) {
        int pct = (int) Math.round(c * 100);
        String at = " at " + pct + "% corruption";
        PaperFigures.BestLast paperErm = PaperFigures.ERM.get(pct);
        PaperFigures.BestLast paperMixup = PaperFigures.MIXUP.get(pct);
        PaperFigures.BestLast paperDrop = PaperFigures.DROPOUT.get(pct);
        PaperFigures.BestLast paperBoth = PaperFigures.MIXUP_DROPOUT.get(pct);
        String table = " (CIFAR-10, PreAct ResNet-18, α=" + (paperErm == null ? "?" : MemorizationCondition.number(
                PaperFigures.MIXUP_ALPHA.get(pct))) + ", p=" + (paperErm == null ? "?" : MemorizationCondition.number(
                PaperFigures.DROPOUT_P.get(pct))) + ")";
        Map<String, Object> ermRow = Map.of("method", "erm", "corruption", c);
        List<Method> methods = p.methodsAt(c);
        boolean erm = methods.contains(Method.ERM);
        boolean mixes = methods.contains(Method.MIXUP);
        boolean drops = methods.contains(Method.DROPOUT);
        boolean both = methods.contains(Method.MIXUP_DROPOUT);
        List<Double> alphas = p.alphasAt(c);
        List<Double> dropouts = p.dropoutsAt(c, Method.DROPOUT);
        List<Double> combinedDropouts = p.dropoutsAt(c, Method.MIXUP_DROPOUT);
        for (double a : alphas) {
            String id = "c" + pct + (alphas.size() > 1 ? "-a" + MemorizationCondition.number(a) : "");
            Map<String, Object> mixup = Map.of("method", "mixup", "alpha", a, "corruption", c);
            if (erm && mixes) {
                out.add(Claim.of(id + "-rise", "mixup's rise in test error from best to last epoch is smaller than ERM's" + at,
                        paperErm == null ? "not in the paper's table" : String.format(Locale.ROOT, "rise ERM %.1f, mixup %.1f",
                                paperErm.last() - paperErm.best(), paperMixup.last() - paperMixup.best()) + table,
                        mixup, ermRow, "test_error_rise", Expect.LOWER, NOISE_MARGIN));
                out.add(Claim.of(id + "-last", "mixup's last-epoch test error is lower than ERM's" + at,
                        paperErm == null ? "not in the paper's table" : String.format(Locale.ROOT, "last ERM %.1f, mixup %.1f",
                                paperErm.last(), paperMixup.last()) + table,
                        mixup, ermRow, "test_error_last", Expect.LOWER, NOISE_MARGIN));
                out.add(Claim.of(id + "-fits-noise", "ERM fits the corrupted labels: its training error on them is far below mixup's" + at,
                        "ERM ~0, mixup ~85 (Table 2's training errors on the corrupted labels)",
                        ermRow, mixup, "train_error_corrupted", Expect.LOWER, 5.0));
            }
            for (double d : drops && mixes ? dropouts : List.<Double>of()) {
                String vs = id + "-vs-dropout" + (dropouts.size() > 1 ? "-p" + MemorizationCondition.number(d) : "");
                Map<String, Object> dropout = Map.of("method", "dropout", "dropout", d, "corruption", c);
                for (String figure : List.of("best", "last")) {
                    out.add(Claim.of(vs + "-" + figure, "mixup's " + figure + " test error is lower than ERM + dropout's (p="
                            + MemorizationCondition.number(d) + ")" + at,
                            paperDrop == null ? "not in the paper's table" : String.format(Locale.ROOT, "%s dropout %.1f, mixup %.1f",
                                    figure, figure.equals("best") ? paperDrop.best() : paperDrop.last(),
                                    figure.equals("best") ? paperMixup.best() : paperMixup.last()) + table
                                    + "; the paper's best dropout arm",
                            mixup, dropout, "test_error_" + figure, Expect.LOWER, NOISE_MARGIN));
                }
            }
            for (double d : both ? combinedDropouts : List.<Double>of()) {
                String combined = id + "-combined" + (combinedDropouts.size() > 1 ? "-p" + MemorizationCondition.number(d) : "");
                Map<String, Object> mixupDropout = Map.of("method", "mixup+dropout", "alpha", a, "dropout", d, "corruption", c);
                String paper = paperBoth == null ? "not in the paper's table" : String.format(Locale.ROOT,
                        "last mixup + dropout %.1f, mixup %.1f, dropout %.1f (ICLR version, unconfirmed)",
                        paperBoth.last(), paperMixup.last(), paperDrop.last());
                if (mixes) {
                    out.add(Claim.of(combined + "-beats-mixup", "mixup + dropout's last test error is lower than mixup's" + at,
                            paper, mixupDropout, mixup, "test_error_last", Expect.LOWER, COMBINED_MARGIN));
                }
                if (drops) {
                    // against the dropout arm of the same p where the grid has one, else the rate's best dropout arm
                    double ref = dropouts.contains(d) ? d : dropouts.get(0);
                    out.add(Claim.of(combined + "-beats-dropout", "mixup + dropout's last test error is lower than ERM + dropout's"
                            + at, paper, mixupDropout, Map.of("method", "dropout", "dropout", ref, "corruption", c),
                            "test_error_last", Expect.LOWER, COMBINED_MARGIN));
                }
            }
        }
        for (double d : erm && drops ? dropouts : List.<Double>of()) {
            String id = "c" + pct + (dropouts.size() > 1 ? "-p" + MemorizationCondition.number(d) : "");
            out.add(Claim.of(id + "-dropout-last", "ERM + dropout's last-epoch test error is lower than ERM's" + at,
                    paperDrop == null ? "not in the paper's table" : String.format(Locale.ROOT,
                            "last ERM %.1f, dropout %.1f (CIFAR-10, PreAct ResNet-18, p=%s)", paperErm.last(),
                            paperDrop.last(), MemorizationCondition.number(PaperFigures.DROPOUT_P.get(pct))),
                    Map.of("method", "dropout", "dropout", d, "corruption", c), ermRow, "test_error_last",
                    Expect.LOWER, NOISE_MARGIN));
        }
    }
}
