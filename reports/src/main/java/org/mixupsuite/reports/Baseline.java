package org.mixupsuite.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.findings.Verdict;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.RowMatch;

/**
 * A baseline file: ranges that figures of matching conditions must fall in. The file is either a
 * list of checks or {@code {"scale": "quick", "checks": [...]}}; with a scale, only runs of that
 * scale are compared. A check: {@code {"study", "match": {setting: value}, "figure", "min", "max"}}
 * (min or max may be left out), a required verdict: {@code {"study", "claim": id, "verdict":
 * "reproduced"}}, which only a run with the seeds a verdict needs (3) can meet, or a required
 * direction: {@code {"study", "claim": id, "direction": "reproduced"}}, which compares the way the
 * run's seeds point (metrics.json's {@code indicative}), for one-seed regression checks such as
 * the demo's: a direction is not a verdict, and the line says so.
 */
public record Baseline(String scale, List<Check> checks) {

    /** Whether a condition row has every setting of {@code match} (the suite's one rule, {@link RowMatch}). */
    static boolean matches(Map<String, Object> match, Map<String, Object> condition) {
        return RowMatch.matches(match, condition);
    }

    /** One expected range. */
    public record Check(String study, Map<String, Object> match, String figure, Double min, Double max,
                        String claim, Verdict verdict, boolean direction) {

        /** A range check on a figure. */
        public Check(String study, Map<String, Object> match, String figure, Double min, Double max) {
            this(study, match, figure, min, max, null, null, false);
        }

        public boolean isVerdict() {
            return claim != null;
        }

        public boolean matches(Map<String, Object> condition) {
            return Baseline.matches(match, condition);
        }

        public boolean inRange(double value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }

        public String range() {
            return "[" + (min == null ? "-inf" : Format.value(min)) + ", " + (max == null ? "inf" : Format.value(max)) + "]";
        }


    }

    /** The checks of the named studies only; naming a study the baseline does not check is bad input. */
    public Baseline only(List<String> studies, Path file) {
        for (String s : studies) {
            if (checks.stream().noneMatch(c -> c.study().equals(s))) {
                throw new BadInputException(file, "has no checks for study '" + s + "' (--study)");
            }
        }
        return new Baseline(scale, checks.stream().filter(c -> studies.contains(c.study())).toList());
    }

    @SuppressWarnings("unchecked")
    public static Baseline read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "baseline file not found");
        }
        Object doc;
        try {
            doc = Json.MAPPER.readValue(file.toFile(), Object.class);
        } catch (java.io.IOException e) {
            throw new BadInputException(file, "not readable JSON: " + e.getMessage(), e);
        }
        String scale = null;
        Object list = doc;
        if (doc instanceof Map<?, ?> m) {
            scale = m.get("scale") == null ? null : m.get("scale").toString();
            list = m.get("checks");
        }
        if (!(list instanceof List<?> entries)) {
            throw new BadInputException(file, "expected a list of checks or an object with a \"checks\" list");
        }
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                throw new BadInputException(file, "check " + (i + 1) + " is not an object");
            }
            Map<String, Object> e = (Map<String, Object>) raw;
            String where = "check " + (i + 1);
            if (!(e.get("study") instanceof String study)) {
                throw new BadInputException(file, where + " needs \"study\"");
            }
            if (e.containsKey("claim")) {
                checks.add(verdictCheck(file, where, study, e));
                continue;
            }
            if (!(e.get("figure") instanceof String figure)) {
                throw new BadInputException(file, where + " needs \"figure\" (or \"claim\" and \"verdict\")");
            }
            Object match = e.getOrDefault("match", Map.of());
            if (!(match instanceof Map<?, ?>)) {
                throw new BadInputException(file, where + ": \"match\" must be an object");
            }
            Double min = number(file, where, e.get("min"));
            Double max = number(file, where, e.get("max"));
            if (min == null && max == null) {
                throw new BadInputException(file, where + " gives neither \"min\" nor \"max\"");
            }
            if (min != null && max != null && min > max) {
                throw new BadInputException(file, where + ": min " + min + " is above max " + max);
            }
            checks.add(new Check(study, new LinkedHashMap<>((Map<String, Object>) match), figure, min, max));
        }
        return new Baseline(scale, checks);
    }

    private static Check verdictCheck(Path file, String where, String study, Map<String, Object> e) {
        boolean direction = e.containsKey("direction");
        String key = direction ? "direction" : "verdict";
        if (direction && e.containsKey("verdict")) {
            throw new BadInputException(file, where + ": a claim check needs \"verdict\" or \"direction\", not both");
        }
        if (!(e.get("claim") instanceof String claim) || !(e.get(key) instanceof String verdict)) {
            throw new BadInputException(file, where + ": a claim check needs \"claim\" and \"verdict\" (or \"direction\") as text");
        }
        try {
            return new Check(study, Map.of(), null, null, null, claim, Verdict.parse(verdict), direction);
        } catch (IllegalArgumentException ex) {
            throw new BadInputException(file, where + ": \"" + key + "\": " + ex.getMessage());
        }
    }

    private static Double number(Path file, String where, Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new BadInputException(file, where + ": \"" + v + "\" is not a number");
    }
}
