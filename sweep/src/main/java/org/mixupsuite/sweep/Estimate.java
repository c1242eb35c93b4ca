package org.mixupsuite.sweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.ParseException;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.cli.StudyCommand;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.core.run.TrainingRates;
import org.mixupsuite.core.run.TrainingRates.Work;

/**
 * {@code --dry-run}: each cell planned as it would run (the study's own presets and data), its
 * conditions' work (training examples, or a GAN's iterations) divided by a measured training rate
 * of the condition's model on a device. The estimate counts training only: evaluation, attacks and
 * checkpoints add to it.
 */
final class Estimate {

    private final TrainingRates rates;

    Estimate(TrainingRates rates) {
        this.rates = rates;
    }

    /** @param executors a cluster's executors of one slot each to estimate for as well (0: none) */
    void print(SweepPlan plan, int executors, PrintStream out) {
        Study study = CellTask.study(plan.study());
        List<Cell> cells = plan.cells(plan.out().resolve(plan.study()).resolve("<sweep>"));
        List<String> devices = rates.devices();
        out.printf("sweep %s: %d cells (%d grid points x %d seeds), dry run%n", plan.study(), cells.size(),
                plan.grid().points().size(), plan.seedCount());
        double[] total = new double[devices.size()];
        double[] longest = new double[devices.size()];
        List<String> unmeasured = new ArrayList<>();
        // cells of one grid point differ only in the seed: plan each point once
        Map<Map<String, String>, List<Work>> planned = new LinkedHashMap<>();
        for (Cell c : cells) {
            List<Work> work = planned.computeIfAbsent(c.point(), p -> work(study, c));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-40s", c.id()));
            for (int d = 0; d < devices.size(); d++) {
                double hours = 0;
                for (Work w : work) {
                    TrainingRates.Rate r = rates.find(plan.study(), w.model(), plan.scale().id(), devices.get(d));
                    if (r == null) {
                        String what = plan.study() + " " + w.model() + " at " + plan.scale().id() + " scale on " + devices.get(d);
                        if (!unmeasured.contains(what)) {
                            unmeasured.add(what);
                        }
                        hours = Double.NaN;
                    } else {
                        hours += w.units() / r.unitsPerSecond() / 3600;
                    }
                }
                total[d] += hours;
                longest[d] = Math.max(longest[d], hours);
                line.append(Double.isNaN(hours) ? String.format(Locale.ROOT, "  %12s %s", "no rate", devices.get(d))
                        : String.format(Locale.ROOT, "  %10.2f h %s", hours, devices.get(d)));
            }
            out.println(line.toString().stripTrailing() + "  (" + work.stream().mapToLong(Work::units).sum() + " units)");
        }
        int slots = CommonOptions.defaultJobs();
        for (int d = 0; d < devices.size(); d++) {
            if (Double.isNaN(total[d])) {
                out.printf("total on %s: not known, some cells' models have no measured rate there%n", devices.get(d));
                continue;
            }
            out.printf(Locale.ROOT, "total on %s: %.1f h of training, one cell after another; %.1f h on local[%d]"
                            + " (the longest cell alone: %.1f h); on n such machines, the total / n%n",
                    devices.get(d), total[d], Math.max(total[d] / slots, longest[d]), slots, longest[d]);
            if (executors > 0) {
                // a cell is one task: n executors finish no sooner than the longest cell
                out.printf(Locale.ROOT, "on %d executors of one slot on %s: about %.1f h%n", executors, devices.get(d),
                        Math.max(total[d] / executors, longest[d]));
            }
        }
        unmeasured.forEach(u -> out.println("no measured rate for " + u + " (give one with --rates FILE)"));
        out.println("rates used (training only; evaluation, attacks and checkpoints come on top):");
        rates.rates().stream().filter(r -> r.study().equals(plan.study()))
                .forEach(r -> out.printf(Locale.ROOT, "  %s %s (scale %s) on %s: %.1f %s/s (%s)%n", r.study(), r.model(),
                        r.scale(), r.device(), r.unitsPerSecond(), r.unit(), r.source()));
    }

    /** The cell's conditions planned by the study itself (reading its data, as a run would), by model. */
    private static List<Work> work(Study study, Cell cell) {
        StudyCommand command = new StudyCommand(study);
        CommandLine cmd;
        try {
            cmd = CommonOptions.parser().parse(command.options(), cell.args().toArray(String[]::new));
        } catch (ParseException e) {
            throw new BadInputException("cell " + cell.id() + ": " + e.getMessage());
        }
        RunSettings settings = CommonOptions.parse(cmd);
        return TrainingRates.work(study.plan(cmd, settings));
    }
}
