package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.testing.TestContext;

/** The GAN runs on the classifiers' loop, so it resumes as they do: to the uninterrupted run's numbers. */
class GanResumeTest {

    @TempDir
    Path tmp;

    @Test
    void aGanInterruptedAfterASnapshotResumesToTheSameFiguresHistoryAndSamples() throws Exception {
        GanSettings smoke = GanSettings.of(Scale.SMOKE);
        GanCondition mixup = GanCondition.mixup("ring8", 0.2, MixupForm.PAPER);
        GanExperiment experiment = new GanExperiment(smoke, List.of(mixup));
        assertEquals(List.of(10, 20, 30), List.copyOf(smoke.snapshotIterations()), "the smoke snapshots this test relies on");

        ConditionResult reference = experiment.run(mixup, new TestContext(7, dir("ref"), tmp.resolve("ref-ckpt")));

        Path checkpoints = tmp.resolve("resume-ckpt");
        assertThrows(TestContext.Interrupted.class,
                () -> experiment.run(mixup, new TestContext(7, dir("resume"), checkpoints, 25)));
        TestContext resumed = new TestContext(7, dir("resume"), checkpoints);
        assertEquals(20, resumed.checkpoints().loadState().orElseThrow().step(), "the interruption left the checkpoint of iteration 20");
        ConditionResult after = experiment.run(mixup, resumed);

        assertEquals(reference.status(), after.status());
        assertEquals(reference.figures(), after.figures());
        assertEquals(reference.history(), after.history());
        assertEquals(3, after.history().size());
        // the resumed run reports the 20 iterations done before it, then its own 10
        assertEquals(smoke.iterations(), resumed.progressReported());
        String samples = "samples/" + mixup.slug() + "-seed7.json";
        assertTrue(Files.readString(dir("ref").resolve(samples)).contains("\"10\""), "the scatter holds the first panel");
        assertEquals(Files.readString(dir("ref").resolve(samples)), Files.readString(dir("resume").resolve(samples)));
    }

    private Path dir(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }
}
