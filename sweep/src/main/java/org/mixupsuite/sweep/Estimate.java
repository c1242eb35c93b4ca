package org.mixupsuite.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.ParseException;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.cli.StudyCommand;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;

/**
 * {@code --dry-run}: each cell planned as it would run (the study's own presets and data), its
 * conditions' work (training examples, or a GAN's iterations) divided by a measured training rate
 * of the condition's model on a device. The estimate counts training only: evaluation, attacks and
 * checkpoints add to it.
 */
final class Estimate {

    /**
     * One measured rate: {@code units_per_s} of training for a study's model ({@code "*"}: any of
     * its models) at a scale ({@code "*"}: any; a model's width can differ between scales) on a
     * device, with where the figure comes from.
     */
    record Rate(String study, String model, String scale, String device, double unitsPerSecond, String unit, String source) {

        boolean fits(String study, String model, String scale, String device) {
            return this.study.equals(study) && this.device.equals(device)
                    && (this.model.equals(model) || this.model.equals("*"))
                    && (this.scale.equals(scale) || this.scale.equals("*"));
        }

        /** How exactly it fits: a named model and scale before a wildcard. */
        int specificity() {
            return (model.equals("*") ? 0 : 2) + (scale.equals("*") ? 0 : 1);
        }
    }

    /** Measured rates, the bench's recorded ones unless a file is given. */
    record Rates(List<Rate> rates) {

        static final String BUNDLED = "rates.json";

        static Rates load(Path file) {
            try (InputStream in = file != null ? Files.newInputStream(file) : Estimate.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the sweep module");
                }
                Map<String, Object> doc = Json.MAPPER.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
                List<Rate> rates = new ArrayList<>();
                if (doc.get("rates") instanceof List<?> list) {
                    for (Object o : list) {
                        Map<?, ?> m = (Map<?, ?>) o;
                        String scale = m.containsKey("scale") ? String.valueOf(m.get("scale")) : "*";
                        rates.add(new Rate(String.valueOf(m.get("study")), String.valueOf(m.get("model")), scale,
                                String.valueOf(m.get("device")), ((Number) m.get("units_per_s")).doubleValue(),
                                String.valueOf(m.get("unit")), String.valueOf(m.get("source"))));
                    }
                }
                return new Rates(rates);
            } catch (IOException | ClassCastException | NullPointerException e) {
                throw new BadInputException(file == null ? Path.of(BUNDLED) : file,
                        "not a rates file ({\"rates\": [{\"study\", \"model\", \"scale\", \"device\", \"units_per_s\", \"unit\", \"source\"}]}): " + e);
            }
        }

        List<String> devices() {
            return rates.stream().map(Rate::device).distinct().toList();
        }

        Rate find(String study, String model, String scale, String device) {
            return rates.stream().filter(r -> r.fits(study, model, scale, device))
                    .max(java.util.Comparator.comparingInt(Rate::specificity)).orElse(null);
        }
    }

    /** A cell's planned work on one model. */
    record Work(String model, long units) {
    }

    private final Rates rates;

    Estimate(Rates rates) {
        this.rates = rates;
    }

    void print(SweepPlan plan, PrintStream out) {
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
                    Rate r = rates.find(plan.study(), w.model(), plan.scale().id(), devices.get(d));
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
        return work(study.plan(cmd, settings));
    }

    private static <C extends Condition> List<Work> work(Experiment<C> experiment) {
        Map<String, Long> byModel = new LinkedHashMap<>();
        for (C c : experiment.conditions()) {
            String model = Objects.toString(c.settings().get("model"), "*");
            byModel.merge(model, experiment.workUnits(c), Long::sum);
        }
        return byModel.entrySet().stream().map(e -> new Work(e.getKey(), e.getValue())).toList();
    }
}
