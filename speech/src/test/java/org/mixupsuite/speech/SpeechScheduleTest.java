package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The presets follow the paper's protocol (§3.3), and the network trains on the schedule they state. */
class SpeechScheduleTest {

    @TempDir
    Path tmp;

    @Test
    void thePaperPresetIsThePapersProtocol() {
        ScalePreset p = ScalePreset.of(Scale.PAPER);
        assertEquals(30, p.epochs());
        assertEquals(100, p.batchSize());
        assertEquals(3e-3, p.learningRate());
        assertEquals(List.of(10, 20), p.lrDrops());
        assertEquals(5, p.warmupEpochs());
        assertEquals(List.of(0.1, 0.2), p.alphas());
        assertEquals(1, p.widthDivisor(), "the paper's widths");
        assertEquals(Features.PAPER, p.features(), "the full 160 x 101 spectrograms");
        assertEquals(0, p.trainSize(), "every training clip");
        assertFalse(p.augment(), "the paper trained on the clips as they are");
    }

    @Test
    void theQuickPresetIsThePapersProtocolAtTheSameFractionsOfItsRun() {
        ScalePreset q = ScalePreset.of(Scale.QUICK);
        ScalePreset p = ScalePreset.of(Scale.PAPER);
        assertEquals(p.batchSize(), q.batchSize());
        assertEquals(p.learningRate(), q.learningRate());
        assertEquals(p.alphas(), q.alphas());
        // each step at the paper's fraction of the run, to the nearest whole epoch
        double halfEpoch = 0.5 / q.epochs() + 1e-12;
        assertEquals(p.lrDrops().size(), q.lrDrops().size());
        for (int i = 0; i < p.lrDrops().size(); i++) {
            assertEquals((double) p.lrDrops().get(i) / p.epochs(), (double) q.lrDrops().get(i) / q.epochs(), halfEpoch);
        }
        assertEquals((double) p.warmupEpochs() / p.epochs(), (double) q.warmupEpochs() / q.epochs(), halfEpoch);
        assertTrue(q.warmupEpochs() > 0 && q.warmupEpochs() < q.lrDrops().get(0), "warm-up ends before the first step");
        assertFalse(q.augment(), "no augmentation unless asked for");
        assertFalse(ScalePreset.of(Scale.SMOKE).augment());
    }

    /** The rate Adam takes each epoch, read from the network the study builds, as the trainer advances it. */
    @Test
    void theNetworkTakesThreeEMinus3ThenAThenthThenAHundredthAtEpochs11And21() throws Exception {
        ScalePreset p = ScalePreset.of(Scale.PAPER);
        MultiLayerNetwork net = lenet(p);
        Network trained = Network.of(net);
        for (int epoch = 1; epoch <= p.epochs(); epoch++) {
            double expected = epoch <= 10 ? 3e-3 : epoch <= 20 ? 3e-4 : 3e-5;
            assertEquals(expected, net.getLearningRate(0), expected * 1e-9, "epoch " + epoch);
            assertEquals(expected, p.learningRateAt(epoch), expected * 1e-9, "epoch " + epoch);
            if (epoch == 11) {
                // a run resumed from a checkpoint goes on at the rate of the epoch it resumes in
                Path file = tmp.resolve("model.zip");
                ModelSerializer.writeModel(net, file.toFile(), true);
                MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
                assertEquals(3e-4, restored.getLearningRate(0), 3e-4 * 1e-9, "restored in epoch 11");
            }
            trained.endEpoch();
        }
        assertEquals(p.epochs(), ((List<?>) SpeechExperiment.learningRateSettings(p).get("per_epoch")).size());
        assertEquals(List.of(10, 20), SpeechExperiment.learningRateSettings(p).get("divided_by_10_after_epochs"));
    }

    /**
     * Adam's first step moves every parameter with a gradient by the learning rate itself (m / sqrt(v)
     * is the gradient's sign), so the largest change of one step shows the rate the update applied.
     */
    @Test
    void adamsStepAppliesTheScheduledRate() {
        ScalePreset p = ScalePreset.of(Scale.PAPER);
        for (int epoch : new int[] {1, 11, 21}) {
            MultiLayerNetwork net = lenet(p);
            for (int e = 1; e < epoch; e++) {
                net.incrementEpochCount();
            }
            INDArray before = net.params().dup();
            INDArray x = Nd4j.rand(DataType.FLOAT, 8, 40 * 50);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 30);
            for (int i = 0; i < 8; i++) {
                y.putScalar(i, i % 30, 1.0);
            }
            net.fit(x, y);
            double moved = Transforms.abs(net.params().sub(before)).maxNumber().doubleValue();
            assertEquals(p.learningRateAt(epoch), moved, p.learningRateAt(epoch) * 1e-3, "epoch " + epoch);
        }
    }

    @Test
    void aRunOfOtherLengthKeepsThePapersFractionsUnlessToldOtherwise() throws Exception {
        ScalePreset paper = ScalePreset.of(Scale.PAPER);
        ScalePreset sixty = SpeechStudy.resolve(parse("--epochs", "60"), paper);
        assertEquals(List.of(20, 40), sixty.lrDrops());
        assertEquals(10, sixty.warmupEpochs());
        ScalePreset constant = SpeechStudy.resolve(parse("--epochs", "12", "--lr-drops", "none", "--warmup", "0"), paper);
        assertEquals(List.of(), constant.lrDrops());
        assertEquals(0, constant.warmupEpochs());
        assertEquals(3e-3, constant.learningRateAt(12));
        assertEquals(List.of(3, 7), SpeechStudy.resolve(parse("--lr-drops", "3,7"), paper).lrDrops());
        try {
            SpeechStudy.resolve(parse("--lr-drops", "7,3"), paper);
            throw new AssertionError("falling drops accepted");
        } catch (BadInputException e) {
            assertTrue(e.getMessage().contains("--lr-drops"), e.getMessage());
        }
    }

    @Test
    void augmentationIsOffUnlessAskedFor() throws Exception {
        ScalePreset quick = ScalePreset.of(Scale.QUICK);
        assertFalse(SpeechStudy.resolve(parse(), quick).augment());
        assertTrue(SpeechStudy.resolve(parse("--augment"), quick).augment());
        assertFalse(SpeechStudy.resolve(parse("--no-augment"), quick).augment());
        assertEquals(false, SpeechExperiment.augmentationSettings(false, Augmentation.NONE).get("on"));
        assertEquals(100.0, SpeechExperiment.augmentationSettings(true, Augmentation.standard()).get("max_shift_ms"));
    }

    private static MultiLayerNetwork lenet(ScalePreset p) {
        return SpeechModels.build("lenet", 40, 50, 30, 8, 0, p.learningRateSchedule(), 7);
    }

    private static CommandLine parse(String... args) throws Exception {
        Options o = new Options();
        new SpeechStudy().addOptions(o);
        return new DefaultParser().parse(o, args);
    }
}
