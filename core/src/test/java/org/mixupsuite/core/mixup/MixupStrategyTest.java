package org.mixupsuite.core.mixup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.data.ImageSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each row's input is a unit vector e_i, so a mixed row shows exactly which rows were blended and
 * with which weights; the targets must be blended with the same rows and weights.
 */
class MixupStrategyTest {

    private static final int N = 32;
    private static final int CLASSES = 4;

    private static Batch identityBatch(int[] labels) {
        INDArray x = Nd4j.eye(labels.length).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        return new Batch(x, ImageSet.oneHot(labels, CLASSES), labels);
    }

    private static int[] labels() {
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = (i * 7) % CLASSES;
        }
        return y;
    }

    /** Checks that target row i = sum over j of x[i][j] * onehot(label j), i.e. same partners and same weights. */
    private static void assertTargetsMatchInputs(Batch in, Batch mixed) {
        float[][] x = mixed.features().toFloatMatrix();
        float[][] y = mixed.targets().toFloatMatrix();
        for (int i = 0; i < x.length; i++) {
            double[] expected = new double[CLASSES];
            double weight = 0;
            for (int j = 0; j < x[i].length; j++) {
                expected[in.labels()[j]] += x[i][j];
                weight += x[i][j];
            }
            assertEquals(1.0, weight, 1e-5, "input weights of row " + i + " must sum to 1");
            for (int c = 0; c < CLASSES; c++) {
                assertEquals(expected[c], y[i][c], 1e-5, "target of row " + i + ", class " + c);
            }
        }
    }

    @Test
    void standardMixupBlendsInputsAndTargetsWithOneLambdaAndOnePartner() {
        Batch in = identityBatch(labels());
        Batch mixed = new PairwiseMixup(0.4, false, Pairing.SHUFFLE).mix(in, Seeds.random(1, "mixup"));
        assertTargetsMatchInputs(in, mixed);
        float[][] x = mixed.features().toFloatMatrix();
        Set<Float> selfWeights = new HashSet<>();
        for (int i = 0; i < N; i++) {
            int nonZero = 0;
            for (float v : x[i]) {
                if (v > 1e-6) {
                    nonZero++;
                }
            }
            assertTrue(nonZero <= 2, "pairwise mixup blends at most two rows");
            float self = x[i][i];
            float partner = 1 - self;
            // unless paired with itself, the row holds lambda (or 1 - lambda for ties) at i
            if (self < 1 - 1e-6) {
                selfWeights.add(Math.round(Math.max(self, partner) * 1e5f) / 1e5f);
            }
        }
        assertEquals(1, selfWeights.size(), "one lambda per batch: " + selfWeights);
    }

    @Test
    void mixingAnyInputsIsTheSameBlendTheIdentityBatchReveals() {
        // on the identity batch the mixed rows are the blend weights W; with the same draws any
        // inputs X must come out as W X, targets included
        Batch eye = identityBatch(labels());
        float[] values = new float[N * 5];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(1.3 * i) * 4;
        }
        INDArray x = Nd4j.create(values, new long[] {N, 5}, 'c');
        Batch in = new Batch(x, eye.targets(), eye.labels());
        for (boolean perExample : new boolean[] {false, true}) {
            MixupStrategy mixup = new PairwiseMixup(0.4, perExample, Pairing.SHUFFLE);
            INDArray w = mixup.mix(eye, Seeds.random(3, "mixup")).features();
            Batch mixed = mixup.mix(in, Seeds.random(3, "mixup"));
            float[][] expected = w.mmul(x).toFloatMatrix();
            float[][] got = mixed.features().toFloatMatrix();
            for (int i = 0; i < N; i++) {
                assertArrayEquals(expected[i], got[i], 1e-5f, "row " + i + ", per-example lambda " + perExample);
            }
            assertEquals(w.mmul(eye.targets()), mixed.targets(), "targets blended like the inputs");
            assertEquals(Nd4j.create(values, new long[] {N, 5}, 'c'), x, "the caller's inputs are left as they were");
        }
    }

    @Test
    void perExampleLambdaDiffersAcrossRowsAndStaysConsistent() {
        Batch in = identityBatch(labels());
        Batch mixed = new PairwiseMixup(1.0, true, Pairing.SHUFFLE).mix(in, Seeds.random(2, "mixup"));
        assertTargetsMatchInputs(in, mixed);
        Set<Float> selfWeights = new HashSet<>();
        float[][] x = mixed.features().toFloatMatrix();
        for (int i = 0; i < N; i++) {
            selfWeights.add(x[i][i]);
        }
        assertTrue(selfWeights.size() > N / 2, "per-example lambdas should vary: " + selfWeights.size());
    }

    @Test
    void sameLabelPairingNeverPairsAcrossClasses() {
        int[] y = labels();
        RandomGenerator rng = Seeds.random(3, "pairs");
        for (int trial = 0; trial < 50; trial++) {
            int[] p = Pairing.SAME_LABEL.partners(y, rng);
            assertIsPermutation(p);
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i], y[p[i]], "row " + i + " paired across classes");
            }
        }
        Batch in = identityBatch(y);
        Batch mixed = new PairwiseMixup(1.0, false, Pairing.SAME_LABEL).mix(in, Seeds.random(4, "mixup"));
        assertTargetsMatchInputs(in, mixed);
        assertEquals(in.targets(), mixed.targets(), "same-label mixing leaves one-hot targets one-hot");
    }

    @Test
    void shufflePairingIsARandomPermutation() {
        int[] a = Pairing.SHUFFLE.partners(labels(), Seeds.random(5, "pairs"));
        int[] b = Pairing.SHUFFLE.partners(labels(), Seeds.random(6, "pairs"));
        assertIsPermutation(a);
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    }

    @Test
    void dirichletMixupBlendsUpToKRowsWithConsistentTargets() {
        Batch in = identityBatch(labels());
        Batch mixed = new DirichletMixup(1.0, 3).mix(in, Seeds.random(7, "mixup"));
        assertTargetsMatchInputs(in, mixed);
        float[][] x = mixed.features().toFloatMatrix();
        int maxNonZero = 0;
        for (float[] row : x) {
            int nz = 0;
            for (float v : row) {
                if (v > 1e-6) {
                    nz++;
                }
            }
            maxNonZero = Math.max(maxNonZero, nz);
        }
        assertTrue(maxNonZero <= 3);
        assertEquals(3, maxNonZero, "with 32 rows some row draws three distinct partners");
    }

    @Test
    void twoLoaderModeDrawsPartnersFromTheWholeSetIndependentlyOfTheBatch() {
        int total = 200;
        int[] all = new int[total];
        for (int i = 0; i < total; i++) {
            all[i] = i % CLASSES;
        }
        INDArray features = Nd4j.eye(total).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        TwoLoaderMixup mixup = new TwoLoaderMixup(1.0, features, ImageSet.oneHot(all, CLASSES));
        RandomGenerator rng = Seeds.random(8, "loader");
        Set<Integer> seen = new HashSet<>();
        for (int trial = 0; trial < 40; trial++) {
            int[] rows = mixup.partnerRows(N, rng);
            assertEquals(N, new HashSet<>(java.util.Arrays.stream(rows).boxed().toList()).size(), "distinct partners");
            for (int r : rows) {
                seen.add(r);
            }
        }
        // the batch below holds rows 0..31; an independent loader reaches far beyond them
        assertTrue(seen.size() > 150, "partners cover the training set, saw " + seen.size());
        int[] batchRows = new int[N];
        for (int i = 0; i < N; i++) {
            batchRows[i] = i;
        }
        Batch in = new Batch(Nd4j.pullRows(features, 1, batchRows), ImageSet.oneHot(java.util.Arrays.copyOf(all, N), CLASSES),
                java.util.Arrays.copyOf(all, N));
        Batch mixed = mixup.mix(in, Seeds.random(9, "loader"));
        float[][] x = mixed.features().toFloatMatrix();
        float[][] y = mixed.targets().toFloatMatrix();
        for (int i = 0; i < N; i++) {
            double[] expected = new double[CLASSES];
            for (int j = 0; j < total; j++) {
                expected[all[j]] += x[i][j];
            }
            for (int c = 0; c < CLASSES; c++) {
                assertEquals(expected[c], y[i][c], 1e-5);
            }
        }
    }

    @Test
    void ermLeavesTheBatchAloneAndAlphaZeroMeansErm() {
        Batch in = identityBatch(labels());
        assertSame(in, MixupStrategy.ERM.mix(in, Seeds.random(1, "x")));
        assertSame(MixupStrategy.ERM, MixupStrategy.standard(0));
        assertArrayEquals(in.labels(), new PairwiseMixup(0.2, false, Pairing.SHUFFLE).mix(in, Seeds.random(1, "x")).labels());
    }

    private static void assertIsPermutation(int[] p) {
        boolean[] hit = new boolean[p.length];
        for (int v : p) {
            assertTrue(!hit[v], "index " + v + " used twice");
            hit[v] = true;
        }
    }
}
