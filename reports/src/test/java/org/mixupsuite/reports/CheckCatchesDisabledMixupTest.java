package org.mixupsuite.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.cli.Main;
import org.mixupsuite.core.testing.SyntheticImages;

/**
 * The baseline check must catch a broken mixup, not only a crash: the real corrupted-labels study is
 * trained twice on synthetic data, once with mixup and once with mixup switched off (alpha so small
 * that lambda is 0 or 1, i.e. ERM under the name "mixup"). Only the first may pass, both on a
 * figure's range and on the verdict of the paper's claim that ERM fits the noise and mixup does not.
 */
@Tag("slow") // trains the study 2 x 2 conditions x 40 epochs
class CheckCatchesDisabledMixupTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path baseline;

    @BeforeAll
    static void setUp() throws Exception {
        data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 400, 200, 4, 11);
        baseline = tmp.resolve("baseline.json");
        // the memorization signature: mixup keeps a high training error on the corrupted labels (34% on
        // this data, where ERM fits every one of them, and a mixup that mixes nothing is ERM to the bit)
        Files.writeString(baseline, """
                {"scale": "smoke", "checks": [
                  {"study": "corrupt-labels", "match": {"method": "mixup", "corruption": 0.5},
                   "figure": "train_error_corrupted", "min": 20},
                  {"study": "corrupt-labels", "claim": "c50-fits-noise", "direction": "reproduced"}
                ]}""");
    }

    private static int train(Path runs, String alpha) {
        return Main.discover().run(new String[] {"corrupt-labels", "--scale", "smoke", "--data", data.toString(),
                "--out", runs.toString(), "--methods", "erm,mixup", "--corruption", "0.5", "--alpha", alpha,
                "--train-size", "300", "--hidden", "128", "--batch-size", "32", "--epochs", "40", "--lr", "0.001"},
                new PrintStream(new ByteArrayOutputStream()), System.err);
    }

    private static String check(Path runs, int expectedExit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CheckCommand().run(new String[] {"--baseline", baseline.toString(), "--runs", runs.toString()},
                new PrintStream(out), System.err);
        assertEquals(expectedExit, code, out.toString());
        return out.toString();
    }

    @Test
    void workingMixupPassesAndDisabledMixupFails() {
        Path good = tmp.resolve("mixup-on");
        Path broken = tmp.resolve("mixup-off");
        assertEquals(0, train(good, "32"));
        assertEquals(0, train(broken, "1e-9"));
        String passed = check(good, 0);
        String failed = check(broken, 1);
        assertTrue(passed.contains("2 passed, 0 failed"), passed);
        assertTrue(passed.contains("ok   corrupt-labels claim c50-fits-noise direction reproduced") && passed.contains("1 seed,"),
                passed);
        assertTrue(failed.contains("0 passed, 2 failed"), failed);
        assertTrue(failed.contains("FAIL corrupt-labels claim c50-fits-noise direction reproduced: inconclusive"), failed);
    }
}
