package org.mixupsuite.core.mixup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.data.Rows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * mixup: x = lambda x_i + (1 - lambda) x_j and y = lambda y_i + (1 - lambda) y_j, with j chosen by the
 * pairing. Cross-entropy against the mixed y equals lambda CE(y_i) + (1 - lambda) CE(y_j), so the
 * network's ordinary softmax cross-entropy loss trains on it unchanged.
 */
public final class PairwiseMixup implements MixupStrategy {

    private final LambdaSampler lambda;
    private final boolean perExampleLambda;
    private final Pairing pairing;

    public PairwiseMixup(double alpha, boolean perExampleLambda, Pairing pairing) {
        this.lambda = new LambdaSampler(alpha);
        this.perExampleLambda = perExampleLambda;
        this.pairing = pairing;
    }

    @Override
    public Batch mix(Batch batch, RandomGenerator rng) {
        int[] partner = pairing.partners(batch.labels(), rng);
        INDArray xj = Rows.gather(batch.features(), partner);
        INDArray yj = Rows.gather(batch.targets(), partner);
        if (perExampleLambda) {
            double[] lam = lambda.sample(rng, batch.size());
            INDArray l = Nd4j.create(lam, new long[] {lam.length, 1}).castTo(batch.features().dataType());
            INDArray oneMinus = l.rsub(1.0);
            return new Batch(mixRows(batch.features(), xj, l, oneMinus), mixRows(batch.targets(), yj, l, oneMinus),
                    batch.labels());
        }
        double l = lambda.sample(rng);
        return new Batch(blendInto(xj, batch.features(), l), blendInto(yj, batch.targets(), l), batch.labels());
    }

    /**
     * lambda a + (1 - lambda) partnerRows, written over partnerRows (already a fresh copy): two passes
     * and no new array, where mul-then-add took three passes and one more array per step.
     */
    private static INDArray blendInto(INDArray partnerRows, INDArray a, double l) {
        partnerRows.muli(1 - l);
        Nd4j.getExecutioner().exec(new Axpy(a, partnerRows, partnerRows, l));
        return partnerRows;
    }

    private static INDArray mixRows(INDArray a, INDArray b, INDArray l, INDArray oneMinus) {
        return a.mulColumnVector(l).addi(b.muliColumnVector(oneMinus));
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "mixup");
        d.put("alpha", lambda.alpha());
        d.put("lambda", perExampleLambda ? "per-example" : "per-batch");
        d.put("pairing", pairing.name());
        return d;
    }
}
