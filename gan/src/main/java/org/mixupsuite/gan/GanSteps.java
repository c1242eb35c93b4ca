package org.mixupsuite.gan;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.MathArrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mixupsuite.core.data.Rows;
import org.mixupsuite.core.mixup.LambdaSampler;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One discriminator step and one generator step, kept apart: the discriminator is updated only by
 * its own fit, the generator only through the gradient that flows back from the discriminator's
 * loss, which the discriminator computes without updating itself. Both networks are
 * {@link Network#withExternalError} networks: the generator learns from that gradient with Adam's
 * moments kept across its steps, which DL4J 1.0.0-M2.1's own updater path does not do.
 */
public final class GanSteps {

    /** How D sees real and fake points. */
    public enum DiscriminatorForm {
        /** Plain GAN: real labelled 1, fake labelled 0. */
        ERM,
        /** The paper's form: D on lambda x_real + (1 - lambda) G(z) with target lambda, lambda ~ Beta(alpha, alpha) per example. */
        PAPER,
        /** The authors' demo: two independent shuffled real-and-fake batches blended with lambda ~ Uniform(0, alpha) per example. */
        DEMO
    }

    private final Network generator;
    private final Network discriminator;
    private final DiscriminatorForm form;
    private final double alpha;
    private final boolean minimax;
    /** Buffers kept across steps (see where each is made). */
    private INDArray stacked;
    private INDArray labels;
    private INDArray generatorTarget;

    /** @param minimax G maximizes D's loss on fakes (the paper's objective); else G minimizes D's loss against "real" */
    public GanSteps(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DiscriminatorForm form, double alpha,
             boolean minimax) {
        this(Network.withExternalError(generator), Network.withExternalError(discriminator), form, alpha, minimax);
    }

    /** The same, on networks already adapted (restored from a checkpoint, say); both must take external errors. */
    public GanSteps(Network generator, Network discriminator, DiscriminatorForm form, double alpha,
             boolean minimax) {
        if (!generator.takesExternalError()) {
            throw new IllegalArgumentException("the generator must be a Network.withExternalError network");
        }
        this.generator = generator;
        this.discriminator = discriminator;
        this.form = form;
        this.alpha = alpha;
        this.minimax = minimax;
    }

    /**
     * Trains D once on fresh draws from {@code rng}: a real batch and G's samples of a latent batch
     * (the demo form draws two such pairs); returns D's loss.
     */
    public double discriminatorStep(ToyDistribution data, int batch, int latentSize, RandomGenerator rng) {
        INDArray real = data.sample(batch, rng);
        INDArray fake = generator.output(latent(batch, latentSize, rng));
        INDArray x;
        INDArray y;
        switch (form) {
            case PAPER -> {
                double[] lam = new LambdaSampler(alpha).sample(rng, batch);
                INDArray l = Nd4j.create(lam, new long[] {batch, 1}).castTo(real.dataType());
                x = real.mulColumnVector(l).addi(fake.mulColumnVector(l.rsub(1.0)));
                y = l;
            }
            case DEMO -> {
                // the authors' gan/example_gan.py: two independent shuffled real+fake batches, blended per example
                INDArray[] first = shuffledRealAndFake(real, fake, rng);
                INDArray[] second = shuffledRealAndFake(data.sample(batch, rng),
                        generator.output(latent(batch, latentSize, rng)), rng);
                INDArray lam = Nd4j.create(uniformLambdas(2 * batch, alpha, rng), new long[] {2L * batch, 1})
                        .castTo(real.dataType());
                x = blend(first[0], second[0], lam);
                y = blend(first[1], second[1], lam);
            }
            default -> {
                x = stacked(real, fake);
                y = realAndFakeLabels(batch, real.dataType());
            }
        }
        return discriminator.fit(x, y);
    }

    /**
     * Real rows above fake rows, in a buffer kept for the next step (D reads it only within its fit):
     * ND4J's vstack cost ~40 µs a call here, two copies into a kept buffer a third of that.
     */
    private INDArray stacked(INDArray real, INDArray fake) {
        long n = real.rows();
        if (!fits(stacked, 2 * n, real.columns(), real.dataType())) {
            stacked = Nd4j.create(real.dataType(), new long[] {2 * n, real.columns()}, 'c');
        }
        stacked.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).assign(real);
        stacked.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all()).assign(fake);
        return stacked;
    }

    /** n ones above n zeros, made once for each batch size: read, never written, by D's loss. */
    private INDArray realAndFakeLabels(int n, DataType type) {
        if (!fits(labels, 2L * n, 1, type)) {
            labels = Nd4j.vstack(Nd4j.ones(type, n, 1), Nd4j.zeros(type, n, 1));
        }
        return labels;
    }

    /** G's target for D's loss on its fakes, all zeros (minimax) or all ones, made once for each batch size. */
    private INDArray generatorTarget(int n, DataType type) {
        if (!fits(generatorTarget, n, 1, type)) {
            generatorTarget = minimax ? Nd4j.zeros(type, n, 1) : Nd4j.ones(type, n, 1);
        }
        return generatorTarget;
    }

    /** Whether a kept buffer can serve again: made, and of this shape and type. */
    private static boolean fits(INDArray kept, long rows, long columns, DataType type) {
        return kept != null && kept.rows() == rows && kept.columns() == columns && kept.dataType() == type;
    }

    /** Real and fake points stacked with their labels (1 real, 0 fake), rows in a random order: {points, labels}. */
    private INDArray[] shuffledRealAndFake(INDArray real, INDArray fake, RandomGenerator rng) {
        int n = (int) real.rows();
        int[] order = MathArrays.natural(2 * n);
        MathArrays.shuffle(order, rng);
        return new INDArray[] {Rows.gather(stacked(real, fake), order),
                Rows.gather(realAndFakeLabels(n, real.dataType()), order)};
    }

    /**
     * {@code n} values of lambda ~ Uniform(0, alpha), one per example, as the authors' demo draws them
     * (through LambdaSampler, so that the no-mixing drill reaches this form too: it did not before).
     */
    static double[] uniformLambdas(int n, double alpha, RandomGenerator rng) {
        return new LambdaSampler(alpha).uniform(rng, n);
    }

    /** Row i: lambda_i a_i + (1 - lambda_i) b_i. */
    static INDArray blend(INDArray a, INDArray b, INDArray lambdaColumn) {
        return a.mulColumnVector(lambdaColumn).addi(b.mulColumnVector(lambdaColumn.rsub(1.0)));
    }

    /**
     * Trains G once: D's input gradient at G(z) (summed over the batch, as DL4J returns it; the
     * updater divides by the batch size) is pushed back through G as an external error. G's updater
     * runs at {@code iteration}; D is not updated.
     */
    public void generatorStep(INDArray z, int iteration) {
        INDArray fake = generator.forward(z);
        int n = (int) z.rows();
        INDArray dLossDFake = discriminator.inputGradient(fake, generatorTarget(n, fake.dataType()));
        // minimax: G ascends D's loss on fakes, so it descends the negated gradient
        generator.backpropAndUpdate(minimax ? dLossDFake.negi() : dLossDFake, iteration);
    }

    /**
     * One GAN iteration as the study runs it: {@code dSteps} discriminator steps on fresh real and
     * latent batches, then one generator step, every draw from {@code rng}; returns D's summed loss.
     */
    public double iteration(ToyDistribution data, int batch, int latentSize, int dSteps, RandomGenerator rng, int iteration) {
        double dLoss = 0;
        for (int k = 0; k < dSteps; k++) {
            dLoss += discriminatorStep(data, batch, latentSize, rng);
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
