package org.mixupsuite.gan;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.MathArrays;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.mixupsuite.core.mixup.LambdaSampler;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One discriminator step and one generator step, kept apart: the discriminator is updated only by
 * its own fit, the generator only through the gradient that flows back from the discriminator's
 * loss, which the discriminator computes without updating itself.
 */
public final class GanSteps {

    /** How D sees real and fake points. */
    public enum DiscriminatorForm {
        /** Plain GAN: real labelled 1, fake labelled 0. */
        ERM,
        /** The paper's form: D on lambda x_real + (1 - lambda) G(z) with target lambda, lambda ~ Beta(alpha, alpha) per example. */
        PAPER,
        /** The authors' demo: two shuffles of the real-and-fake batch blended with lambda ~ Uniform(0, alpha). */
        DEMO
    }

    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final DiscriminatorForm form;
    private final double alpha;
    private final boolean minimax;

    /** @param minimax G maximizes D's loss on fakes (the paper's objective); else G minimizes D's loss against "real" */
    public GanSteps(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DiscriminatorForm form, double alpha,
             boolean minimax) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.form = form;
        this.alpha = alpha;
        this.minimax = minimax;
    }

    MultiLayerNetwork generator() {
        return generator;
    }

    MultiLayerNetwork discriminator() {
        return discriminator;
    }

    /** Trains D once on a real batch and a batch of G's samples; returns D's loss. */
    public double discriminatorStep(INDArray real, INDArray z, RandomGenerator rng) {
        INDArray fake = generator.output(z, false);
        int n = (int) real.rows();
        INDArray x;
        INDArray y;
        switch (form) {
            case PAPER -> {
                double[] lam = new LambdaSampler(alpha).sample(rng, n);
                INDArray l = Nd4j.create(lam, new long[] {n, 1}).castTo(real.dataType());
                x = real.mulColumnVector(l).addi(fake.mulColumnVector(l.rsub(1.0)));
                y = l;
            }
            case DEMO -> {
                INDArray both = Nd4j.vstack(real, fake);
                INDArray labels = Nd4j.vstack(Nd4j.ones(real.dataType(), n, 1), Nd4j.zeros(real.dataType(), n, 1));
                int[] a = MathArrays.natural(2 * n);
                int[] b = MathArrays.natural(2 * n);
                MathArrays.shuffle(a, rng);
                MathArrays.shuffle(b, rng);
                double lam = alpha * rng.nextDouble();
                x = Nd4j.pullRows(both, 1, a).muli(lam).addi(Nd4j.pullRows(both, 1, b).muli(1 - lam));
                y = Nd4j.pullRows(labels, 1, a).muli(lam).addi(Nd4j.pullRows(labels, 1, b).muli(1 - lam));
            }
            default -> {
                x = Nd4j.vstack(real, fake);
                y = Nd4j.vstack(Nd4j.ones(real.dataType(), n, 1), Nd4j.zeros(real.dataType(), n, 1));
            }
        }
        discriminator.fit(x, y);
        return discriminator.score();
    }

    /**
     * Trains G once: D's input gradient at G(z) (sum over the batch, as DL4J returns it; the updater
     * divides by the batch size) is pushed back through G as an external error.
     */
    public void generatorStep(INDArray z, int iteration) {
        generator.setInput(z);
        List<INDArray> activations = generator.feedForward(true, false);
        INDArray fake = activations.get(activations.size() - 1);
        int n = (int) z.rows();
        INDArray target = minimax ? Nd4j.zeros(fake.dataType(), n, 1) : Nd4j.ones(fake.dataType(), n, 1);
        INDArray dLossDFake = discriminator.calculateGradients(fake, target, null, null).getSecond();
        // minimax: G ascends D's loss on fakes, so it descends the negated gradient
        INDArray epsilon = minimax ? dLossDFake.neg() : dLossDFake;
        Pair<Gradient, INDArray> back = generator.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces());
        Gradient gradient = back.getFirst();
        generator.getUpdater().update(generator, gradient, iteration, 0, n, LayerWorkspaceMgr.noWorkspaces());
        generator.params().subi(gradient.gradient());
        generator.clear();
    }

    /**
     * One GAN iteration as the study runs it: {@code dSteps} discriminator steps on fresh real and
     * latent batches, then one generator step, every draw from {@code rng}; returns D's summed loss.
     */
    public double iteration(ToyDistribution data, int batch, int latentSize, int dSteps, RandomGenerator rng, int iteration) {
        double dLoss = 0;
        for (int k = 0; k < dSteps; k++) {
            dLoss += discriminatorStep(data.sample(batch, rng), latent(batch, latentSize, rng), rng);
        }
        generatorStep(latent(batch, latentSize, rng), iteration);
        return dLoss;
    }

    /** {@code n} latent vectors of {@code dims} standard normal values. */
    public static INDArray latent(int n, int dims, RandomGenerator rng) {
        float[] z = new float[n * dims];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        return Nd4j.create(z, new long[] {n, dims}, 'c');
    }
}
