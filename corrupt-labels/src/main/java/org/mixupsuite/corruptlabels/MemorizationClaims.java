package org.mixupsuite.corruptlabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Claim.Expect;
import org.mixupsuite.core.mixup.Method;

/**
 * The paper's memorization claims (Table 2, CIFAR-10, PreAct ResNet-18) as comparisons of this
 * plan's conditions, one set per corruption rate and mixup alpha. Margins (points of error) only
 * decide one-seed runs: a single seed must beat ERM by more than that to point the claim's way.
 */
final class MemorizationClaims {

    private MemorizationClaims() {
    }

    static List<Claim> of(ScalePreset p) {
        List<Claim> out = new ArrayList<>();
        boolean erm = p.methods().contains(Method.ERM);
        for (double c : p.corruptions()) {
            int pct = (int) Math.round(c * 100);
            String at = " at " + pct + "% corruption";
            PaperFigures.BestLast paperErm = PaperFigures.ERM.get(pct);
            PaperFigures.BestLast paperMixup = PaperFigures.MIXUP.get(pct);
            Map<String, Object> ermRow = Map.of("method", "erm", "corruption", c);
            if (erm && p.methods().contains(Method.MIXUP)) {
                for (double a : p.alphas()) {
                    String id = "c" + pct + (p.alphas().size() > 1 ? "-a" + MemorizationCondition.number(a) : "");
                    Map<String, Object> mixup = Map.of("method", "mixup", "alpha", a, "corruption", c);
                    String paper = paperErm == null ? "not in the paper's table" : " (CIFAR-10, PreAct ResNet-18, α="
                            + MemorizationCondition.number(PaperFigures.MIXUP_ALPHA.get(pct)) + ")";
                    out.add(Claim.of(id + "-rise", "mixup's rise in test error from best to last epoch is smaller than ERM's" + at,
                            paperErm == null ? paper : String.format(Locale.ROOT, "rise ERM %.1f, mixup %.1f", paperErm.last() - paperErm.best(),
                                    paperMixup.last() - paperMixup.best()) + paper,
                            mixup, ermRow, "test_error_rise", Expect.LOWER, 1.0));
                    out.add(Claim.of(id + "-last", "mixup's last-epoch test error is lower than ERM's" + at,
                            paperErm == null ? paper : String.format(Locale.ROOT, "last ERM %.1f, mixup %.1f", paperErm.last(),
                                    paperMixup.last()) + paper,
                            mixup, ermRow, "test_error_last", Expect.LOWER, 1.0));
                    out.add(Claim.of(id + "-fits-noise", "ERM fits the corrupted labels: its training error on them is far below mixup's" + at,
                            "ERM ~0, mixup ~85 (unconfirmed reading of the paper's training-error figure)",
                            ermRow, mixup, "train_error_corrupted", Expect.LOWER, 5.0));
                }
            }
            if (erm && p.methods().contains(Method.DROPOUT)) {
                for (double d : p.dropouts()) {
                    String id = "c" + pct + (p.dropouts().size() > 1 ? "-p" + MemorizationCondition.number(d) : "");
                    PaperFigures.BestLast paperDrop = PaperFigures.DROPOUT.get(pct);
                    out.add(Claim.of(id + "-dropout-last", "ERM + dropout's last-epoch test error is lower than ERM's" + at,
                            paperDrop == null ? "not in the paper's table" : String.format(Locale.ROOT,
                                    "last ERM %.1f, dropout %.1f (CIFAR-10, PreAct ResNet-18, p=%s)", paperErm.last(),
                                    paperDrop.last(), MemorizationCondition.number(PaperFigures.DROPOUT_P.get(pct))),
                            Map.of("method", "dropout", "dropout", d, "corruption", c), ermRow, "test_error_last",
                            Expect.LOWER, 1.0));
                }
            }
        }
        return out;
    }
}
