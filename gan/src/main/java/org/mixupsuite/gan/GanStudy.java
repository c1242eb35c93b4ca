package org.mixupsuite.gan;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;

/** {@code ./mixup gan}: mixup on the discriminator as a GAN stabilizer, on the ring and grid toy data (Figure 5). */
public final class GanStudy implements Study {

    @Override
    public String name() {
        return "gan";
    }

    @Override
    public String summary() {
        return "mixup as a GAN stabilizer on 2-D toy data (ring8, grid25): modes covered, sample quality";
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(option("datasets", "LIST", "ring8 and/or grid25"));
        o.addOption(option("alpha", "LIST", "alphas of the mixup GAN (default 0.2)"));
        o.addOption(option("iterations", "N", "generator iterations"));
        o.addOption(option("d-steps", "N", "discriminator steps per generator step"));
        o.addOption(option("latent", "N", "latent size (the paper: 2, also 5 and 10)"));
        o.addOption(option("hidden", "N", "units of each hidden layer"));
        o.addOption(option("std", "S", "standard deviation of each Gaussian mode"));
        o.addOption(option("generator-loss", "NAME", "minimax (the paper's) or non-saturating"));
        o.addOption(option("mixup-form", "NAME", "paper (target lambda) or demo (blended shuffles, lambda ~ U(0, alpha))"));
        o.addOption(option("coverage-share", "S", "least share of samples near a mode to count it covered (default 0.25 / modes)"));
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings run) {
        GanSettings p = GanSettings.of(run.scale());
        String loss = cmd.getOptionValue("generator-loss", p.generatorLoss());
        String form = cmd.getOptionValue("mixup-form", p.mixupForm());
        if (!List.of("minimax", "non-saturating").contains(loss)) {
            throw new BadInputException("--generator-loss: '" + loss + "' is not minimax or non-saturating");
        }
        if (!List.of("paper", "demo").contains(form)) {
            throw new BadInputException("--mixup-form: '" + form + "' is not paper or demo");
        }
        GanSettings s = new GanSettings(positive(cmd, "iterations", p.iterations()), positive(cmd, "d-steps", p.dSteps()),
                p.batch(), positive(cmd, "latent", p.latent()), positive(cmd, "hidden", p.hidden()), p.layers(),
                number(cmd, "std", p.std()), loss, form, number(cmd, "coverage-share", p.coverageShare()),
                p.evalSamples(), p.curvePoints());
        if (s.std() <= 0) {
            throw new BadInputException("--std: must be positive");
        }
        List<String> datasets = cmd.hasOption("datasets") ? List.of(cmd.getOptionValue("datasets").split(","))
                : List.of("ring8", "grid25");
        for (String d : datasets) {
            if (!List.of("ring8", "grid25").contains(d)) {
                throw new BadInputException("--datasets: '" + d + "' is not ring8 or grid25");
            }
        }
        List<Double> alphas = new ArrayList<>();
        for (String a : cmd.getOptionValue("alpha", "0.2").split(",")) {
            double alpha = parse("alpha", a);
            if (alpha <= 0) {
                throw new BadInputException("--alpha: the mixup GAN needs alpha > 0, got " + alpha);
            }
            alphas.add(alpha);
        }
        List<GanCondition> conditions = new ArrayList<>();
        for (String d : datasets) {
            conditions.add(new GanCondition(d, "erm", 0));
            alphas.forEach(a -> conditions.add(new GanCondition(d, "mixup", a)));
        }
        return new GanExperiment(s, conditions);
    }

    private static int positive(CommandLine cmd, String option, int fallback) {
        long v = CommonOptions.longValue(cmd, option, fallback);
        if (v < 1) {
            throw new BadInputException("--" + option + ": must be at least 1, got " + v);
        }
        return (int) v;
    }

    private static double number(CommandLine cmd, String option, double fallback) {
        return cmd.hasOption(option) ? parse(option, cmd.getOptionValue(option)) : fallback;
    }

    private static double parse(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("--" + option + ": '" + text + "' is not a number");
        }
    }

    private static Option option(String name, String arg, String desc) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).get();
    }
}
