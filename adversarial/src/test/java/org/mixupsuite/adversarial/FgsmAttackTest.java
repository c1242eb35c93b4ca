package org.mixupsuite.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.testing.SyntheticImages;
import org.mixupsuite.core.train.Classifiers;
import org.mixupsuite.core.train.Evaluation;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class FgsmAttackTest {

    static MultiLayerNetwork model;
    static Network net;
    static ImageSet test;
    static INDArray x;
    static INDArray y;

    /** A small MLP trained on learnable synthetic images, so that attacks have something to break. */
    @BeforeAll
    static void train() {
        ImageSet all = SyntheticImages.imageSet(600, 4, 8, 3);
        int[] trainRows = java.util.stream.IntStream.range(0, 400).toArray();
        int[] testRows = java.util.stream.IntStream.range(400, 600).toArray();
        ImageSet train = all.subset(trainRows);
        test = all.subset(testRows);
        model = Classifiers.mlp(64, new int[] {32}, 4, 0, 1e-2, 7);
        net = Network.of(model);
        INDArray tx = train.features();
        INDArray ty = train.oneHotLabels();
        for (int epoch = 0; epoch < 30; epoch++) {
            net.fit(tx, ty);
        }
        x = test.features();
        y = test.oneHotLabels();
    }

    private static double error(INDArray inputs) {
        return Evaluation.errorPercent(Evaluation.predict(net, inputs), test.labels());
    }

    @Test
    void adversarialExamplesStayInTheEpsilonBallAndInRange() {
        // the strength-matched epsilon too: a bisection midpoint, not a round number
        double matched = MatchedEpsilon.find(e -> error(FgsmAttack.fgsm(net, x, y, e)), MatchedEpsilon.PAPER).epsilon();
        assertTrue(matched > 0 && matched <= MatchedEpsilon.EPSILON_HIGH, "matched epsilon " + matched);
        for (double epsilon : new double[] {0.01, 4.0 / 255, 0.1, 0.3, matched}) {
            for (INDArray adv : new INDArray[] {FgsmAttack.fgsm(net, x, y, epsilon), FgsmAttack.iterative(net, x, y, epsilon, 10),
                    FgsmAttack.pgd(net, x, y, epsilon, 10, 2.5 * epsilon / 10, Seeds.random(1, "pgd"))}) {
                double linf = adv.sub(x).amaxNumber().doubleValue();
                assertTrue(linf <= epsilon + 1e-6, "L-inf " + linf + " > epsilon " + epsilon);
                assertTrue(adv.minNumber().doubleValue() >= 0 && adv.maxNumber().doubleValue() <= 1, "pixels leave [0, 1]");
            }
        }
    }

    @Test
    void epsilonZeroChangesNothingAndLargerEpsilonNeverHelpsTheModel() {
        assertEquals(x, FgsmAttack.fgsm(net, x, y, 0));
        double clean = error(x);
        assertTrue(clean < 20, "the model must have learned the data, error " + clean);
        double previous = clean;
        for (double epsilon : new double[] {0.05, 0.1, 0.2, 0.4}) {
            double attacked = error(FgsmAttack.fgsm(net, x, y, epsilon));
            assertTrue(attacked >= previous - 1.0, "error fell from " + previous + " to " + attacked + " at " + epsilon);
            previous = attacked;
        }
        assertTrue(previous > clean + 20, "FGSM at epsilon 0.4 must hurt: " + clean + " -> " + previous);
        assertTrue(error(FgsmAttack.iterative(net, x, y, 0.2, 10)) >= error(FgsmAttack.fgsm(net, x, y, 0.2)) - 1.0,
                "the iterative attack is at least as strong");
    }

    @Test
    void pgdStartsAtARandomPointTheSeedFixesAndIsAtLeastAsStrongAsFgsm() {
        INDArray a = FgsmAttack.pgd(net, x, y, 0.2, 10, 0.05, Seeds.random(1, "pgd"));
        assertEquals(a, FgsmAttack.pgd(net, x, y, 0.2, 10, 0.05, Seeds.random(1, "pgd")), "same seed, same examples");
        assertNotEquals(a, FgsmAttack.pgd(net, x, y, 0.2, 10, 0.05, Seeds.random(2, "pgd")), "the start is random");
        // no steps: the random start alone, somewhere inside the ball but not at the clean image
        INDArray start = FgsmAttack.pgd(net, x, y, 0.2, 0, 0.05, Seeds.random(1, "pgd"));
        assertNotEquals(x, start);
        assertTrue(start.sub(x).amaxNumber().doubleValue() <= 0.2 + 1e-6);
        double fgsm = error(FgsmAttack.fgsm(net, x, y, 0.2));
        double pgd = error(a);
        assertTrue(pgd >= fgsm - 1.0 && pgd > error(x) + 20, "clean " + error(x) + ", FGSM " + fgsm + ", PGD " + pgd);
    }

    @Test
    void aConvolutionalTargetIsAttackedThroughItsFlatInput() {
        ImageSet images = SyntheticImages.imageSet(300, 4, 28, 11);
        int[] labels = images.labels();
        Network lenet = Network.of(Classifiers.lenet(1, 28, 28, 4, 1e-3, 5));
        INDArray cx = images.features();
        INDArray cy = images.oneHotLabels();
        for (int epoch = 0; epoch < 15; epoch++) {
            lenet.fit(cx, cy);
        }
        double clean = Evaluation.errorPercent(Evaluation.predict(lenet, cx), labels);
        INDArray adv = FgsmAttack.fgsm(lenet, cx, cy, 0.2);
        assertEquals(cx.shape()[1], adv.shape()[1], "examples keep the flat input's shape");
        assertTrue(adv.sub(cx).amaxNumber().doubleValue() <= 0.2 + 1e-6);
        double attacked = Evaluation.errorPercent(Evaluation.predict(lenet, adv), labels);
        assertTrue(clean < 30 && attacked > clean + 20, "LeNet clean " + clean + ", under FGSM 0.2: " + attacked);
    }

    @Test
    void attacksLeaveTheModelsParametersUnchanged() {
        INDArray before = model.params().dup();
        FgsmAttack.fgsm(net, x, y, 0.1);
        FgsmAttack.iterative(net, x, y, 0.1, 5);
        assertEquals(before, model.params());
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        MultiLayerNetwork tiny = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new Adam()).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        tiny.init();
        Network n = Network.of(tiny);
        INDArray in = Nd4j.rand(DataType.DOUBLE, 3, 4);
        INDArray targets = ImageSet.oneHot(new int[] {0, 2, 1}, 3).castTo(DataType.DOUBLE);
        INDArray analytic = n.inputGradient(in, targets);
        double h = 1e-6;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                INDArray plus = in.dup();
                INDArray minus = in.dup();
                plus.putScalar(r, c, in.getDouble(r, c) + h);
                minus.putScalar(r, c, in.getDouble(r, c) - h);
                // DL4J's score is the mean over rows; the input gradient is of the sum
                double numeric = 3 * (tiny.score(new DataSet(plus, targets)) - tiny.score(new DataSet(minus, targets))) / (2 * h);
                assertEquals(numeric, analytic.getDouble(r, c), 1e-6 + 1e-4 * Math.abs(numeric), "d loss / d x[" + r + "," + c + "]");
            }
        }
    }
}
