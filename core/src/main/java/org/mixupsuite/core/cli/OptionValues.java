package org.mixupsuite.core.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;

/**
 * Reading the studies' own option values, with one error message per kind of mistake: each names
 * the option and the value that is wrong (the launcher turns it into exit code 2).
 */
public final class OptionValues {

    /** A command's --help, in the one layout every command prints (Commons CLI, 100 columns). */
    public static void printHelp(PrintStream out, String usage, String summary, Options options) {
        PrintWriter w = new PrintWriter(out);
        new HelpFormatter().printHelp(w, 100, usage, summary, options, 2, 4, "", false);
        w.flush();
    }

    private OptionValues() {
    }

    /** An option that takes one value, e.g. {@code --alpha LIST}. */
    public static Option valued(String name, String argName, String description) {
        return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
    }

    /** A number; "4/255" is read as a fraction, the way the paper writes epsilon. */
    public static double number(CommandLine cmd, String option, double fallback) {
        return cmd.hasOption(option) ? parse(option, cmd.getOptionValue(option)) : fallback;
    }

    /** A comma-separated list of numbers. */
    public static List<Double> numbers(CommandLine cmd, String option, List<Double> fallback) {
        if (!cmd.hasOption(option)) {
            return fallback;
        }
        List<Double> out = new ArrayList<>();
        for (String part : cmd.getOptionValue(option).split(",")) {
            out.add(parse(option, part));
        }
        return out;
    }

    /** {@code --alpha}: mixup alphas, each above 0 (ERM is a method of its own, not alpha 0). */
    public static List<Double> alphas(CommandLine cmd, List<Double> fallback) {
        List<Double> values = numbers(cmd, "alpha", fallback);
        for (double a : values) {
            if (a <= 0) {
                throw new BadInputException("--alpha: mixup needs alpha > 0, got " + a + " (ERM runs as a method of its own)");
            }
        }
        return values;
    }

    /** A comma-separated list of shares in [0, 1), such as corruption rates. */
    public static List<Double> shares(CommandLine cmd, String option, List<Double> fallback) {
        List<Double> values = numbers(cmd, option, fallback);
        for (double v : values) {
            if (v < 0 || v >= 1) {
                throw new BadInputException("--" + option + ": " + v + " is not a share in [0, 1)");
            }
        }
        return values;
    }

    /** A whole number of at least 1, or of at least 0 when {@code zeroAllowed}. */
    public static int count(CommandLine cmd, String option, int fallback, boolean zeroAllowed) {
        if (!cmd.hasOption(option)) {
            // the preset's own value: a preset may say 0 for what its model does not use (the ResNet's MLP width)
            return fallback;
        }
        long v = CommonOptions.longValue(cmd, option, fallback);
        long least = zeroAllowed ? 0 : 1;
        if (v < least || v > Integer.MAX_VALUE) {
            throw new BadInputException("--" + option + ": must be at least " + least + ", got " + v);
        }
        return (int) v;
    }

    /** A comma-separated list of names, each one of {@code allowed}. */
    public static List<String> names(CommandLine cmd, String option, List<String> fallback, List<String> allowed) {
        List<String> values = cmd.hasOption(option) ? List.of(cmd.getOptionValue(option).split(",")) : fallback;
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new BadInputException("--" + option + ": '" + v + "' is not one of " + String.join(", ", allowed));
            }
        }
        return values;
    }

    /** One of an enum's names, e.g. {@code --generator-loss minimax}. */
    public static <E extends Enum<E> & Named> E choice(CommandLine cmd, String option, E fallback) {
        return cmd.hasOption(option) ? parse(fallback.getDeclaringClass(), option, cmd.getOptionValue(option)) : fallback;
    }

    /** A comma-separated list of an enum's names. */
    public static <E extends Enum<E> & Named> List<E> choices(CommandLine cmd, String option, List<E> fallback,
                                                             Class<E> type) {
        if (!cmd.hasOption(option)) {
            return fallback;
        }
        List<E> out = new ArrayList<>();
        for (String part : cmd.getOptionValue(option).split(",")) {
            out.add(parse(type, option, part));
        }
        return out;
    }

    /** The constant named {@code text}; an error naming the option and every allowed name otherwise. */
    public static <E extends Enum<E> & Named> E parse(Class<E> type, String option, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(text.trim())) {
                return e;
            }
        }
        throw new BadInputException("--" + option + ": '" + text + "' is not one of "
                + String.join(", ", Named.labels(type)));
    }

    private static double parse(String option, String text) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            return slash > 0 ? Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1))
                    : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadInputException("--" + option + ": '" + text + "' is not a number");
        }
    }
}
