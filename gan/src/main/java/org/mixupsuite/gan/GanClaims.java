package org.mixupsuite.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Claim.Expect;
import org.mixupsuite.core.run.SettingText;

/**
 * The paper's GAN finding (Figure 5, shown in pictures only): on ring8 and grid25 the ERM GAN
 * collapses while the mixup GAN covers the modes. Coverage is read against chance: the mixup
 * GAN's share of high-quality samples must beat a diffuse sampler's, or "covers more" means little.
 */
final class GanClaims {

    private static final String PAPER = "pictures only: ERM collapses, mixup α=0.2 covers all modes (3 × 512 MLPs, 20,000 iterations)";

    private GanClaims() {
    }

    static List<Claim> of(List<GanCondition> conditions) {
        List<Claim> out = new ArrayList<>();
        for (GanCondition c : conditions) {
            if (c.method().mixes()) {
                continue;
            }
            Map<String, Object> erm = Map.of("dataset", c.dataset(), "method", "erm");
            out.add(new Claim(c.dataset() + "-erm-collapses", "on " + c.dataset() + ", the ERM GAN covers fewer than all modes",
                    PAPER, erm, "modes_covered", erm, "modes_total", Expect.LOWER, 0.5));
            for (GanCondition m : conditions) {
                if (!m.dataset().equals(c.dataset()) || !m.method().mixes()) {
                    continue;
                }
                String alpha = SettingText.number(m.alpha());
                Map<String, Object> mixup = Map.of("dataset", m.dataset(), "method", "mixup", "alpha", m.alpha());
                out.add(Claim.of(m.dataset() + "-a" + alpha + "-covers-more", "on " + m.dataset() + ", the mixup GAN (α="
                        + alpha + ") covers more modes than the ERM GAN", PAPER, mixup, erm, "modes_covered", Expect.HIGHER, 0.5));
                out.add(new Claim(m.dataset() + "-a" + alpha + "-above-chance", "on " + m.dataset() + ", the mixup GAN (α="
                        + alpha + ") puts more samples within 3 std of a mode than a diffuse sampler", PAPER, mixup,
                        "high_quality_fraction", mixup, "high_quality_fraction_chance", Expect.HIGHER, 0.01));
            }
        }
        return out;
    }
}
