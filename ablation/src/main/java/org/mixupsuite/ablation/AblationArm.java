package org.mixupsuite.ablation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.cli.Named;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.mixup.DirichletMixup;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.mixup.Pairing;
import org.mixupsuite.core.mixup.PairwiseMixup;
import org.mixupsuite.core.mixup.TwoLoaderMixup;
import org.mixupsuite.core.run.Condition;

/**
 * One arm of the ablation: ERM, standard mixup, or one variant of it that the paper compares
 * (k-way Dirichlet mixing, a second loader for partners, same-label partners, per-example lambda).
 *
 * @param k       examples mixed per row (1 for ERM, 2 for pairwise mixup)
 * @param pairing where partners come from: shuffle (same minibatch), two-loaders, same-label
 * @param lambda  per-batch or per-example
 */
public record AblationArm(String arm, String model, double alpha, int k, Partners pairing, LambdaDraw lambda)
        implements Condition {

    /** Where an example's mixing partners come from. */
    public enum Partners implements Named {
        NONE, SHUFFLE, TWO_LOADERS, SAME_LABEL
    }

    /** How often lambda is drawn. */
    public enum LambdaDraw implements Named {
        NONE, PER_BATCH, PER_EXAMPLE
    }

    /** The arms in the order charts and tables show them. */
    static List<AblationArm> all(String model, double alpha) {
        return List.of(
                new AblationArm("erm", model, 0, 1, Partners.NONE, LambdaDraw.NONE),
                new AblationArm("mixup", model, alpha, 2, Partners.SHUFFLE, LambdaDraw.PER_BATCH),
                new AblationArm("mixup-k3", model, alpha, 3, Partners.SHUFFLE, LambdaDraw.PER_BATCH),
                new AblationArm("mixup-k4", model, alpha, 4, Partners.SHUFFLE, LambdaDraw.PER_BATCH),
                new AblationArm("two-loaders", model, alpha, 2, Partners.TWO_LOADERS, LambdaDraw.PER_BATCH),
                new AblationArm("same-label", model, alpha, 2, Partners.SAME_LABEL, LambdaDraw.PER_BATCH),
                new AblationArm("per-example-lambda", model, alpha, 2, Partners.SHUFFLE, LambdaDraw.PER_EXAMPLE));
    }

    public String method() {
        return (k == 1 ? Method.ERM : Method.MIXUP).label();
    }

    /** The strategy this arm trains with; the two-loader arm draws partners from the whole training set. */
    MixupStrategy strategy(ImageSet train) {
        if (k == 1) {
            return MixupStrategy.ERM;
        }
        if (k > 2) {
            return new DirichletMixup(alpha, k);
        }
        return switch (pairing) {
            case TWO_LOADERS -> new TwoLoaderMixup(alpha, train.features(), train.oneHotLabels());
            case SAME_LABEL -> new PairwiseMixup(alpha, false, Pairing.SAME_LABEL);
            case SHUFFLE, NONE -> new PairwiseMixup(alpha, lambda == LambdaDraw.PER_EXAMPLE, Pairing.SHUFFLE);
        };
    }

    /** Training rows read per epoch: a second loader reads the training set a second time. */
    long rowsReadPerEpoch(int trainSize) {
        return pairing == Partners.TWO_LOADERS ? 2L * trainSize : trainSize;
    }

    @Override
    public String slug() {
        return arm;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arm", arm);
        m.put("model", model);
        m.put("method", method());
        m.put("alpha", alpha);
        m.put("k", k);
        m.put("pairing", pairing.label());
        m.put("lambda", lambda.label());
        return m;
    }
}
