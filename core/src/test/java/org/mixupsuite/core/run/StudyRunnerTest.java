package org.mixupsuite.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.testing.SyntheticImages;
import org.mixupsuite.core.testing.ToyStudy;
import org.mixupsuite.core.testing.ToyStudy.ToyCondition;

class StudyRunnerTest {

    @TempDir
    static Path tmp;
    static ImageData data;

    @BeforeAll
    static void data() throws Exception {
        data = ImageDataLoader.load(SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 160, 80, 4, 42));
    }

    private static RunSettings settings(Path out, int jobs) {
        return new RunSettings(Scale.SMOKE, 5, 2, out, null, jobs, 0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> run(ToyStudy.ToyExperiment exp, RunSettings s, RunDirectory dir)
            throws Exception {
        StudyRunner<ToyCondition> runner = new StudyRunner<>("toy", exp, s, dir, new PrintStream(new ByteArrayOutputStream()));
        if (!Files.exists(dir.config())) {
            runner.writeConfig(List.of());
        }
        runner.finish(runner.execute(), Map.of());
        return (List<Map<String, Object>>) Json.readObject(dir.metrics()).get("conditions");
    }

    @Test
    void sameSeedGivesIdenticalFiguresWhateverTheParallelism() throws Exception {
        Path out = tmp.resolve("det");
        RunSettings one = settings(out, 1);
        RunSettings two = settings(out, 2);
        var a = run(new ToyStudy.ToyExperiment(data, 3, -1), one, RunDirectory.create(out, "toy", 5));
        var b = run(new ToyStudy.ToyExperiment(data, 3, -1), two, RunDirectory.create(out, "toy", 5));
        assertEquals(a, b);
        assertEquals(2, a.size());
        assertEquals(List.of(5, 6), a.get(0).get("seeds"));
        assertTrue(a.get(0).containsKey("test_error_ci95"));
        assertEquals(2, ((List<?>) a.get(0).get("test_error_per_seed")).size());
    }

    @Test
    void interruptedRunResumesToTheSameNumbersAsAnUninterruptedOne() throws Exception {
        Path out = tmp.resolve("resume");
        RunSettings s = settings(out, 2);
        var reference = run(new ToyStudy.ToyExperiment(data, 4, -1), s, RunDirectory.create(out, "toy", 5));

        RunDirectory dir = RunDirectory.create(out, "toy", 5);
        assertThrows(IllegalStateException.class, () -> run(new ToyStudy.ToyExperiment(data, 4, 3), s, dir));
        assertFalse(Files.exists(dir.metrics()), "an interrupted run has no metrics.json");
        assertTrue(Files.isDirectory(dir.checkpoints()));

        var resumed = run(new ToyStudy.ToyExperiment(data, 4, -1), s, RunDirectory.forResume(dir.dir()));
        assertEquals(reference, resumed);
        assertFalse(Files.exists(dir.checkpoints()), "checkpoints are removed once the run is complete");
        Object peak = Json.readObject(dir.metrics()).get("peak_rss_mb");
        assertTrue(peak instanceof Number n && n.longValue() > 100, "a JVM with ND4J holds over 100 MB resident: " + peak);
        String history = Files.readString(dir.history());
        assertEquals(1 + 2 * 2 * 4, history.lines().count(), "one row per condition, seed and epoch:\n" + history);
    }

    @Test
    void newRunsNeverReuseAFolder() throws Exception {
        Path out = tmp.resolve("fresh");
        RunDirectory a = RunDirectory.create(out, "toy", 0);
        RunDirectory b = RunDirectory.create(out, "toy", 0);
        assertFalse(a.dir().equals(b.dir()));
    }
}
