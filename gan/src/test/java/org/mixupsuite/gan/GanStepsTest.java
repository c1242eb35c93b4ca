package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.math3.random.RandomGenerator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each step updates only its own network. */
class GanStepsTest {

    private static INDArray latent(int n, RandomGenerator rng) {
        float[] z = new float[n * 2];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        return Nd4j.create(z, new long[] {n, 2}, 'c');
    }

    /** The steps and the two DL4J networks they train, whose parameters the tests read. */
    private record Gan(GanSteps steps, MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        void discriminatorStep(ToyDistribution data, int batch, int latentSize, RandomGenerator rng) {
            steps.discriminatorStep(data, batch, latentSize, rng);
        }

        void generatorStep(INDArray z, int iteration) {
            steps.generatorStep(z, iteration);
        }
    }

    private static Gan steps(GanSteps.DiscriminatorForm form, boolean minimax) {
        MultiLayerNetwork g = GanNetworks.generator(2, 16, 2, 1);
        MultiLayerNetwork d = GanNetworks.discriminator(16, 2, 2);
        return new Gan(new GanSteps(g, d, form, 0.2, minimax), g, d);
    }

    @ParameterizedTest
    @EnumSource(GanSteps.DiscriminatorForm.class)
    void discriminatorStepLeavesTheGeneratorAlone(GanSteps.DiscriminatorForm form) {
        Gan s = steps(form, true);
        INDArray g0 = s.generator().params().dup();
        INDArray d0 = s.discriminator().params().dup();
        RandomGenerator rng = Seeds.random(1, "t");
        s.discriminatorStep(ToyDistribution.of("ring8", 0.01), 32, 2, rng);
        assertEquals(g0, s.generator().params());
        assertNotEquals(d0, s.discriminator().params());
    }

    @Test
    void theDemoFormDrawsOneLambdaPerExampleBelowAlphaAndBlendsPointsAndTargetsAlike() {
        double[] lam = GanSteps.uniformLambdas(4000, 0.2, Seeds.random(5, "t"));
        double max = 0;
        double sum = 0;
        for (double l : lam) {
            assertTrue(l >= 0 && l < 0.2, "lambda " + l);
            max = Math.max(max, l);
            sum += l;
        }
        assertEquals(0.1, sum / lam.length, 0.005, "Uniform(0, 0.2) has mean 0.1");
        assertTrue(max > 0.19, "draws cover the range: largest " + max);
        INDArray a = Nd4j.create(new float[] {1, 1, 0, 0}, new long[] {2, 2});
        INDArray b = Nd4j.create(new float[] {0, 0, 2, 4}, new long[] {2, 2});
        INDArray l = Nd4j.create(new float[] {0.1f, 0.2f}, new long[] {2, 1});
        INDArray mixed = GanSteps.blend(a, b, l);
        // row 0: 0.1 * (1, 1) + 0.9 * (0, 0); row 1: 0.2 * (0, 0) + 0.8 * (2, 4)
        assertArrayEquals(new float[] {0.1f, 0.1f, 1.6f, 3.2f}, mixed.ravel().toFloatVector(), 1e-6f);
    }

    @Test
    void generatorStepLeavesTheDiscriminatorAloneForBothObjectives() {
        for (boolean minimax : new boolean[] {true, false}) {
            Gan s = steps(GanSteps.DiscriminatorForm.ERM, minimax);
            INDArray g0 = s.generator().params().dup();
            INDArray d0 = s.discriminator().params().dup();
            s.generatorStep(latent(32, Seeds.random(2, "t")), 1);
            assertEquals(d0, s.discriminator().params());
            assertNotEquals(g0, s.generator().params());
        }
    }

    @Test
    void generatorStepIsAnAdamStep() {
        // Adam's first step moves every parameter by at most its learning rate (1e-3 by default)
        Gan s = steps(GanSteps.DiscriminatorForm.ERM, true);
        INDArray g0 = s.generator().params().dup();
        s.generatorStep(latent(64, Seeds.random(4, "t")), 1);
        double largest = s.generator().params().sub(g0).amaxNumber().doubleValue();
        assertTrue(largest > 0 && largest <= 1.01e-3, "largest change " + largest);
    }

    @Test
    void generatorStepKeepsAdamsMomentsFromStepToStep() {
        // DL4J's updater, handed backpropGradient's gradient, restarted Adam at every step and left
        // its state at zero; the generator's state must hold the moments, and its second step must
        // not be a first step again
        Gan s = steps(GanSteps.DiscriminatorForm.ERM, true);
        INDArray z = latent(64, Seeds.random(6, "t"));
        s.generatorStep(z, 1);
        INDArray state = s.generator().getUpdater().getStateViewArray();
        assertTrue(state.amaxNumber().doubleValue() > 0, "Adam's state is all zero after a step");
        INDArray before = s.generator().params().dup();
        s.generatorStep(z, 2);
        // Adam's first step moves every parameter whose gradient is not tiny by the same size,
        // alpha_t * 0.1 / sqrt(0.001) (DL4J's bias correction at iteration + 1); with the moments of
        // step 1 kept, the second step's sizes are others
        INDArray step = s.generator().params().sub(before);
        org.nd4j.linalg.ops.transforms.Transforms.abs(step, false);
        double firstStep = 1e-3 * Math.sqrt(1 - Math.pow(0.999, 3)) / (1 - Math.pow(0.9, 3)) * 0.1 / Math.sqrt(0.001);
        long nearAlpha = step.gt(0.99 * firstStep).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)
                .mul(step.lt(1.01 * firstStep).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)).sumNumber().longValue();
        assertTrue(nearAlpha < step.length() / 10, nearAlpha + " of " + step.length() + " parameters moved by a first step's size");
    }

    @Test
    void generatorStepMovesSamplesTheWayItsObjectiveSays() {
        // the non-saturating objective pushes G towards samples that D calls real
        Gan s = steps(GanSteps.DiscriminatorForm.ERM, false);
        INDArray z = latent(256, Seeds.random(3, "t"));
        double before = s.discriminator().output(s.generator().output(z, false), false).meanNumber().doubleValue();
        for (int i = 1; i <= 20; i++) {
            s.generatorStep(z, i);
        }
        double after = s.discriminator().output(s.generator().output(z, false), false).meanNumber().doubleValue();
        assertTrue(after > before, "D(G(z)) should rise: " + before + " -> " + after);
    }
}
