package org.mixupsuite.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.CheckpointStore;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.MetricRow;
import org.mixupsuite.core.run.Presets;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.testing.SyntheticImages;
import org.mixupsuite.core.train.Classifiers;
import org.mixupsuite.core.train.Evaluation;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The bisection on error curves whose crossing of the target is known, and on a trained model's held-out rows. */
class AdversarialMatchedEpsilonTest {

    private static final MatchedEpsilon.Search SEARCH = MatchedEpsilon.PAPER;

    /** An error curve that records every epsilon it is asked about. */
    private static final class Curve implements DoubleUnaryOperator {
        final List<Double> asked = new ArrayList<>();
        final DoubleUnaryOperator error;

        Curve(DoubleUnaryOperator error) {
            this.error = error;
        }

        @Override
        public double applyAsDouble(double epsilon) {
            asked.add(epsilon);
            return error.applyAsDouble(epsilon);
        }
    }

    @Test
    void findsWhereALinearErrorCurveCrossesTheTarget() {
        // a model whose error rises from 10% by 4 points per 0.01 of epsilon crosses 90.7% at 0.20175
        Curve curve = new Curve(e -> 10 + 400 * e);
        MatchedEpsilon m = MatchedEpsilon.find(curve, SEARCH);
        double crossing = (MatchedEpsilon.PAPER_ERROR - 10) / 400;
        assertTrue(m.reached());
        assertEquals(MatchedEpsilon.PAPER_ERROR, m.error(), MatchedEpsilon.TOLERANCE);
        assertEquals(10 + 400 * m.epsilon(), m.error(), 1e-9, "the error reported is the curve's at the epsilon reported");
        // within tolerance means within tolerance / slope of the crossing
        assertEquals(crossing, m.epsilon(), MatchedEpsilon.TOLERANCE / 400 + 1e-12);
        assertEquals(curve.asked.size(), m.evaluations());
        assertTrue(curve.asked.stream().allMatch(e -> e >= 0 && e <= MatchedEpsilon.EPSILON_HIGH), curve.asked.toString());
    }

    @Test
    void aCurveThatJumpsOverTheToleranceStopsAtTheStepBoundNearTheJump() {
        // from 80% straight to 100% at 0.1234: no epsilon lies within a point of 90.7%
        Curve curve = new Curve(e -> e < 0.1234 ? 80 : 100);
        MatchedEpsilon m = MatchedEpsilon.find(curve, SEARCH);
        assertFalse(m.reached());
        assertEquals(2 + MatchedEpsilon.MAX_MIDPOINTS, curve.asked.size(), "the two ends, then every allowed midpoint");
        assertEquals(curve.asked.size(), m.evaluations());
        assertEquals(0.1234, m.epsilon(), MatchedEpsilon.EPSILON_HIGH / (1 << MatchedEpsilon.MAX_MIDPOINTS) * 2);
        assertTrue(curve.asked.stream().allMatch(e -> e >= 0 && e <= MatchedEpsilon.EPSILON_HIGH));
    }

    @Test
    void aTargetBeyondTheLargestEpsilonIsReportedNotReachedAtThatEpsilon() {
        // a robust model: 10% clean, 40% at epsilon 0.3
        Curve curve = new Curve(e -> 10 + 100 * e);
        MatchedEpsilon m = MatchedEpsilon.find(curve, SEARCH);
        assertFalse(m.reached());
        assertEquals(MatchedEpsilon.EPSILON_HIGH, m.epsilon());
        assertEquals(40, m.error(), 1e-9);
        assertEquals(List.of(0.0, MatchedEpsilon.EPSILON_HIGH), curve.asked, "no bisection when the top end falls short");
    }

    @Test
    void aModelAlreadyPastTheTargetOnCleanImagesIsReportedNotReachedAtTheSmallestEpsilon() {
        MatchedEpsilon m = MatchedEpsilon.find(e -> 95 + e, SEARCH);
        assertFalse(m.reached());
        assertEquals(0, m.epsilon());
        assertEquals(1, m.evaluations());
    }

    @Test
    void anEndWithinToleranceIsTakenAsIs() {
        assertEquals(0, MatchedEpsilon.find(e -> 90 + e, SEARCH).epsilon(), "clean error within a point: epsilon 0");
        MatchedEpsilon top = MatchedEpsilon.find(e -> 300 * e, SEARCH);
        assertTrue(top.reached());
        assertEquals(MatchedEpsilon.EPSILON_HIGH, top.epsilon());
        assertEquals(2, top.evaluations());
    }

    @Test
    void aSearchOutsideThePixelRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MatchedEpsilon.Search(90.7, 1, 0, 1.5, 20));
        assertThrows(IllegalArgumentException.class, () -> new MatchedEpsilon.Search(90.7, 1, 0.2, 0.1, 20));
        assertThrows(IllegalArgumentException.class, () -> new MatchedEpsilon.Search(90.7, -1, 0, 0.3, 20));
    }

    @Test
    void onATrainedModelTheHeldOutRowsAfterTheAttackedOnesReachTheTarget(@TempDir Path source) {
        ImageSet train = SyntheticImages.imageSet(400, 4, 8, 3);
        ImageSet test = SyntheticImages.imageSet(200, 4, 8, 4);
        AdversarialStudy.Preset smoke = AdversarialStudy.Preset.of(Scale.SMOKE); // attacks rows 0-99, holds out 100-199
        AdversarialExperiment experiment = new AdversarialExperiment(smoke, new ImageData("synthetic", source, train, test),
                List.of(new TargetModel("mlp", Method.ERM, 0)), 0);
        Network net = Network.of(Classifiers.mlp(64, new int[] {32}, 4, 0, 1e-2, 7));
        for (int epoch = 0; epoch < 30; epoch++) {
            net.fit(train.features(), train.oneHotLabels());
        }
        MatchedEpsilon m = experiment.match(net);
        assertTrue(m.epsilon() >= 0 && m.epsilon() <= MatchedEpsilon.EPSILON_HIGH, "epsilon " + m.epsilon());
        // measured again, apart from the search: FGSM at the epsilon found, on test rows 100-199 only
        ImageSet heldOut = test.subset(IntStream.range(smoke.attackSize(), 200).toArray());
        INDArray adversarial = FgsmAttack.fgsm(net, heldOut.features(), heldOut.oneHotLabels(), m.epsilon());
        double error = Evaluation.errorPercent(Evaluation.predict(net, adversarial), heldOut.labels());
        assertEquals(m.error(), error, 1e-9, "the error reported is the held-out rows' error at the epsilon reported");
        assertTrue(m.reached(), "this model's error climbs past 90.7% within epsilon 0.3: " + m);
        assertEquals(MatchedEpsilon.PAPER_ERROR, error, MatchedEpsilon.TOLERANCE);
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) experiment.settings().get("matched_epsilon");
        assertEquals(100, rule.get("held_out_examples"));
        assertEquals(MatchedEpsilon.STRENGTH, rule.get("strength"));
    }

    @Test
    void anAttackSizeThatLeavesNoHeldOutRowsIsRefused() {
        ImageSet images = SyntheticImages.imageSet(100, 4, 8, 3);
        AdversarialStudy.Preset all = Presets.with(AdversarialStudy.Preset.of(Scale.SMOKE),
                "attackSize", 100);
        assertThrows(BadInputException.class, () -> new AdversarialExperiment(all,
                new ImageData("synthetic", null, images, images), List.of(new TargetModel("mlp", Method.ERM, 0)), 0));
    }

    @Test
    void aResumedRunReadsTheSeedsEpsilonBackFromItsFinishedErmCondition(@TempDir Path dir) throws Exception {
        // as the ERM condition saved it: a fixed-epsilon row, then matched rows carrying the seed's epsilon
        Map<String, Object> fixed = new LinkedHashMap<>(Map.of("attack", "fgsm", "epsilon", 0.1, "box", "white"));
        Map<String, Object> matched = new LinkedHashMap<>(Map.of("attack", "fgsm", "strength", MatchedEpsilon.STRENGTH,
                "box", "white"));
        Map<String, Object> figures = new LinkedHashMap<>(Map.of("top1_error", 91.3, "epsilon_matched", 0.103125,
                "epsilon_matched_reached", 1, "epsilon_matched_erm_error", 91.0));
        CheckpointStore store = new CheckpointStore(dir.resolve("erm-seed0"));
        store.saveResult(ConditionResult.complete(List.of(new MetricRow(fixed, Map.of("top1_error", 90.7)),
                new MetricRow(matched, figures)), List.of()));
        MatchedEpsilon m = AdversarialExperiment.fromRows(store.loadResult().orElseThrow()).orElseThrow();
        assertEquals(0.103125, m.epsilon());
        assertEquals(91.0, m.error());
        assertTrue(m.reached());
        // an ERM condition that diverged has no rows: its seed's targets get no matched rows
        assertTrue(AdversarialExperiment.fromRows(ConditionResult.diverged("loss became NaN", List.of())).isEmpty());
    }
}
