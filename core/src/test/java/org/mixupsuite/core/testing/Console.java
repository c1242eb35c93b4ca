package org.mixupsuite.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mixupsuite.core.cli.Command;
import org.mixupsuite.core.cli.Main;

/** The launcher as a test runs it: exit codes, and what it printed to standard output and error. */
public final class Console {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code ./mixup args...} with every command on the test's classpath. */
    public int run(String... args) {
        return Main.discover().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs one command with {@code args}. */
    public int run(Command command, String... args) {
        return command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far. */
    public void reset() {
        out.reset();
        err.reset();
    }

    /** The one run folder a test's run left under {@code runs/study}. */
    public static Path onlyRun(Path runs, String study) throws IOException {
        try (Stream<Path> s = Files.list(runs.resolve(study))) {
            List<Path> dirs = s.toList();
            assertEquals(1, dirs.size(), "run folders under " + runs.resolve(study));
            return dirs.get(0);
        }
    }
}
