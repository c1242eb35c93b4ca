package org.mixupsuite.core.run;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mixupsuite.core.BadInputException;

/**
 * Measured training rates (the bench's, recorded in rates.json, or a user's file of the same form),
 * from which a study's or a sweep's dry run estimates hours: planned work units (training examples,
 * a GAN's iterations) divided by the rate of the condition's model on a device.
 */
public record TrainingRates(List<Rate> rates) {

    static final String BUNDLED = "rates.json";

    /**
     * One measured rate: {@code units_per_s} of training for a study's model ({@code "*"}: any of
     * its models) at a scale ({@code "*"}: any; a model's width can differ between scales) on a
     * device, with where the figure comes from.
     */
    public record Rate(String study, String model, String scale, String device, double unitsPerSecond, String unit,
                       String source) {

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

    /** A plan's work on one model: units of training summed over its conditions. */
    public record Work(String model, long units) {
    }

    /** The rates in {@code file}, or the bundled ones when it is null. */
    public static TrainingRates load(Path file) {
        try (InputStream in = file != null ? Files.newInputStream(file) : TrainingRates.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from core's resources");
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
            return new TrainingRates(rates);
        } catch (IOException | ClassCastException | NullPointerException e) {
            throw new BadInputException(file == null ? Path.of(BUNDLED) : file,
                    "not a rates file ({\"rates\": [{\"study\", \"model\", \"scale\", \"device\", \"units_per_s\", \"unit\", \"source\"}]}): " + e);
        }
    }

    public List<String> devices() {
        return rates.stream().map(Rate::device).distinct().toList();
    }

    /** The most specific rate for the study's model at the scale on the device, or null. */
    public Rate find(String study, String model, String scale, String device) {
        return rates.stream().filter(r -> r.fits(study, model, scale, device))
                .max(Comparator.comparingInt(Rate::specificity)).orElse(null);
    }

    /** Hours of training for the work on a device; NaN when a model has no rate there. */
    public double hours(String study, String scale, String device, List<Work> work) {
        double hours = 0;
        for (Work w : work) {
            Rate r = find(study, w.model(), scale, device);
            if (r == null) {
                return Double.NaN;
            }
            hours += w.units() / r.unitsPerSecond() / 3600;
        }
        return hours;
    }

    /** An experiment's planned work per model, one seed. */
    public static <C extends Condition> List<Work> work(Experiment<C> experiment) {
        Map<String, Long> byModel = new LinkedHashMap<>();
        for (C c : experiment.conditions()) {
            String model = Objects.toString(c.settings().get("model"), "*");
            byModel.merge(model, experiment.workUnits(c), Long::sum);
        }
        return byModel.entrySet().stream().map(e -> new Work(e.getKey(), e.getValue())).toList();
    }
}
