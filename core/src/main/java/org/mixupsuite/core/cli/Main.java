package org.mixupsuite.core.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.mixupsuite.core.run.Provenance;
import org.mixupsuite.core.run.Study;

/**
 * The launcher: {@code ./mixup <command> [options]}. Studies and other commands are found with
 * ServiceLoader, so core knows no study module and lists whatever is on the classpath.
 */
public final class Main {

    private final Map<String, Command> commands;

    public Main(Map<String, Command> commands) {
        this.commands = commands;
    }

    /** The registry of everything on the classpath plus the built-in setup and demo. */
    public static Main discover() {
        Map<String, Command> registry = new LinkedHashMap<>();
        register(registry, new SetupCommand());
        // sorted by name: ServiceLoader follows the classpath, whose order a wildcard leaves to the file system
        ServiceLoader.load(Study.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Study::name))
                .forEach(s -> register(registry, new StudyCommand(s)));
        for (Command c : ServiceLoader.load(Command.class)) {
            register(registry, c);
        }
        register(registry, new DemoCommand(registry));
        return new Main(registry);
    }

    static void register(Map<String, Command> registry, Command command) {
        if (registry.putIfAbsent(command.name(), command) != null) {
            throw new IllegalStateException("two commands are named '" + command.name() + "'");
        }
    }

    public static void main(String[] args) {
        System.exit(discover().run(args, System.out, System.err));
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printUsage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            out.println("mixup " + Provenance.suiteVersion() + " (commit " + Provenance.gitCommit() + ")");
            return 0;
        }
        String name = args[0];
        Command command = commands.get(name);
        if (command == null) {
            err.println("mixup: unknown command '" + name + "' (see ./mixup --help)");
            return 2;
        }
        return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }

    private void printUsage(PrintStream out) {
        out.println("usage: ./mixup <command> [options]     (./mixup <command> --help for its options;"
                + " ./mixup --version)");
        out.println();
        out.println("commands:");
        for (Command c : commands.values()) {
            out.printf("  %-15s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("options every study takes: --scale smoke|quick|paper, --seed N, --seeds N, --out DIR, --data DIR,");
        out.println("  --jobs N, --resume RUN_DIR. Exit codes: 0 done, 1 failed during the run, 2 bad usage or input.");
    }
}
