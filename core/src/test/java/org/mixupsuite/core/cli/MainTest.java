package org.mixupsuite.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.testing.Console;
import org.mixupsuite.core.testing.SyntheticImages;

class MainTest {

    @TempDir
    Path tmp;

    private final Console console = new Console();

    @Test
    void helpListsTheBuiltInCommandsAndTheStudiesOnTheClasspath() {
        assertEquals(0, console.run("--help"));
        for (String c : List.of("setup", "demo", "toy")) {
            assertTrue(console.out().contains("  " + c + " "), "help misses " + c);
        }
    }

    @Test
    void unknownCommandsExitWithTwo() {
        assertEquals(2, console.run("frobnicate"));
        assertTrue(console.err().contains("unknown command"));
        assertEquals(2, console.run());
    }

    @Test
    void badOptionsAndMissingDataExitWithTwoAndNameTheProblem() {
        assertEquals(2, console.run("toy", "--scale", "huge"));
        assertTrue(console.err().contains("--scale") && console.err().contains("huge"), console.err());
        assertEquals(2, console.run("toy", "--no-such-option"));
        assertEquals(2, console.run("toy", "--data", tmp.resolve("missing").toString(), "--out", tmp.toString()));
        assertTrue(console.err().contains("missing") && console.err().contains("not found"), console.err());
    }

    @Test
    void versionNamesTheSuiteAndItsCommitAndAScaleMustBeSpelledExactly() {
        System.setProperty("mixup.git.commit", "abc1234");
        try {
            assertEquals(0, console.run("--version"));
            assertTrue(console.out().matches("mixup \\S+ \\(commit abc1234\\)\\R?"), console.out());
        } finally {
            System.clearProperty("mixup.git.commit");
        }
        assertEquals(2, console.run("toy", "--scale", "Quick", "--out", tmp.toString()));
        assertTrue(console.err().contains("'Quick'") && console.err().contains("did you mean quick?"), console.err());
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() throws Exception {
        Path runs = tmp.resolve("runs");
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 64, 32, 4, 1);
        assertEquals(0, console.run("toy", "--scale", "smoke", "--seeds", "2", "--dry-run", "--data", data.toString(),
                "--out", runs.toString()), console.err());
        assertTrue(console.out().contains("toy (dry run): scale smoke, seeds 0..1"), console.out());
        assertTrue(console.out().contains("conditions:") && console.out().contains("settings:"), console.out());
        assertTrue(console.out().contains("estimate on "), "one line per device the rates know: " + console.out());
        assertTrue(!java.nio.file.Files.exists(runs), "a dry run creates no run folder");
    }

    @Test
    void anAbbreviatedOptionIsRefusedNotTakenForAnother() {
        assertEquals(2, console.run("toy", "--scale", "smoke", "--epoch", "1", "--out", tmp.toString()));
        assertTrue(console.err().contains("epoch"), console.err());
    }

    @Test
    void anOutFolderUnderAFileExitsWithTwoAndNamesTheOption() throws Exception {
        Path file = Files.writeString(tmp.resolve("somefile"), "x");
        assertEquals(2, console.run("toy", "--scale", "smoke", "--out", file.resolve("x").toString()));
        assertTrue(console.err().contains("--out") && console.err().contains("is a file"), console.err());
    }

    @Test
    void runWritesAFolderAndAFinishedRunCannotBeResumed() throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 64, 32, 4, 1);
        Path runs = tmp.resolve("runs");
        assertEquals(0, console.run("toy", "--scale", "smoke", "--data", data.toString(), "--out", runs.toString(), "--epochs", "1"),
                console.err());
        // a terminal of 100 columns holds every line (the progress bar rewrites one line in place), the
        // run folder's path counted at the length of the default reports/runs
        console.out().lines().flatMap(l -> java.util.Arrays.stream(l.split("\r")))
                .map(l -> l.replace(runs.toString(), "reports/runs"))
                .forEach(l -> assertTrue(l.length() <= 100, l.length() + " columns: " + l));
        Path runDir;
        try (Stream<Path> s = Files.list(runs.resolve("toy"))) {
            runDir = s.findFirst().orElseThrow();
        }
        for (String f : List.of("config.json", "metrics.json", "history.csv")) {
            assertTrue(Files.isRegularFile(runDir.resolve(f)), f);
        }
        String config = Files.readString(runDir.resolve("config.json"));
        assertTrue(config.contains("\"thread_settings\"") && config.contains("\"args\""), config);
        assertEquals(2, console.run("toy", "--resume", runDir.toString()));
        assertTrue(console.err().contains("already complete"), console.err());
    }
}
