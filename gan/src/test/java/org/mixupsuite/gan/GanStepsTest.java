package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static GanSteps steps(GanSteps.DiscriminatorForm form, boolean minimax) {
        MultiLayerNetwork g = GanNetworks.generator(2, 16, 2, 1);
        MultiLayerNetwork d = GanNetworks.discriminator(16, 2, 2);
        return new GanSteps(g, d, form, 0.2, minimax);
    }

    @ParameterizedTest
    @EnumSource(GanSteps.DiscriminatorForm.class)
    void discriminatorStepLeavesTheGeneratorAlone(GanSteps.DiscriminatorForm form) {
        GanSteps s = steps(form, true);
        INDArray g0 = s.generator().params().dup();
        INDArray d0 = s.discriminator().params().dup();
        RandomGenerator rng = Seeds.random(1, "t");
        s.discriminatorStep(ToyDistribution.of("ring8", 0.01).sample(32, rng), latent(32, rng), rng);
        assertEquals(g0, s.generator().params());
        assertNotEquals(d0, s.discriminator().params());
    }

    @Test
    void generatorStepLeavesTheDiscriminatorAloneForBothObjectives() {
        for (boolean minimax : new boolean[] {true, false}) {
            GanSteps s = steps(GanSteps.DiscriminatorForm.ERM, minimax);
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
        GanSteps s = steps(GanSteps.DiscriminatorForm.ERM, true);
        INDArray g0 = s.generator().params().dup();
        s.generatorStep(latent(64, Seeds.random(4, "t")), 1);
        double largest = s.generator().params().sub(g0).amaxNumber().doubleValue();
        org.junit.jupiter.api.Assertions.assertTrue(largest > 0 && largest <= 1.01e-3, "largest change " + largest);
    }

    @Test
    void generatorStepMovesSamplesTheWayItsObjectiveSays() {
        // the non-saturating objective pushes G towards samples that D calls real
        GanSteps s = steps(GanSteps.DiscriminatorForm.ERM, false);
        INDArray z = latent(256, Seeds.random(3, "t"));
        double before = s.discriminator().output(s.generator().output(z, false), false).meanNumber().doubleValue();
        for (int i = 1; i <= 20; i++) {
            s.generatorStep(z, i);
        }
        double after = s.discriminator().output(s.generator().output(z, false), false).meanNumber().doubleValue();
        org.junit.jupiter.api.Assertions.assertTrue(after > before, "D(G(z)) should rise: " + before + " -> " + after);
    }
}
