package org.mixupsuite.core.mixup;

import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Turns a minibatch into the batch the network is trained on. {@link PairwiseMixup} is the paper's
 * method; the variants the paper ablates are strategies beside it.
 */
public interface MixupStrategy {

    Batch mix(Batch batch, RandomGenerator rng);

    /** Settings for config.json. */
    Map<String, Object> describe();

    /** Empirical risk minimization: the batch as it is. */
    MixupStrategy ERM = new MixupStrategy() {
        @Override
        public Batch mix(Batch batch, RandomGenerator rng) {
            return batch;
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("kind", "erm");
        }
    };

    /** Standard mixup (one lambda per batch, in-batch shuffle), or ERM when alpha &lt;= 0. */
    static MixupStrategy standard(double alpha) {
        return alpha > 0 ? new PairwiseMixup(alpha, false, Pairing.SHUFFLE) : ERM;
    }
}
