package org.mixupsuite.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mixupsuite.core.run.PreloadedBlas;

/** {@code ./mixup setup}: runs data-scripts/setup.sh, which prepares the embedded default data idempotently. */
final class SetupCommand implements Command {

    @Override
    public String name() {
        return "setup";
    }

    @Override
    public String summary() {
        return "prepare the embedded default data (Debian packages, synthesized speech); idempotent";
    }

    static Path home() {
        return Path.of(System.getProperty("mixup.home", "."));
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Path script = home().resolve("data-scripts").resolve("setup.sh");
        if (!Files.isRegularFile(script)) {
            err.println("mixup setup: " + script + ": setup script not found (run ./mixup from the repository root)");
            return 2;
        }
        if (List.of(args).contains("--help")) {
            out.println("usage: ./mixup setup   (runs " + script + "; safe to repeat)");
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        try {
            Process p = PreloadedBlas.leftOut(new ProcessBuilder(command)).inheritIO().start();
            int code = p.waitFor();
            if (code != 0) {
                err.println("mixup setup: " + script + " exited with " + code);
                return 1;
            }
            return 0;
        } catch (IOException e) {
            err.println("mixup setup: cannot start bash: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
