package org.mixupsuite.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.run.Json;

/**
 * The swept study options and their values, e.g. {@code alpha: [1, 8, 32]}: each point of the
 * grid gives every swept option one value, and each point runs once per seed. Values are passed to
 * the study as its command line would take them, so a value may itself be a list ({@code "0.2,1"}).
 *
 * @param axes option name (without dashes) to its values, in the order given
 */
public record Grid(Map<String, List<String>> axes) {

    public Grid {
        axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    public static Grid empty() {
        return new Grid(Map.of());
    }

    /**
     * A JSON file ({@code {"alpha": [1, 8, 32], "corruption": [0.5]}}) or, when no such file exists,
     * the inline form {@code "alpha=1,8,32 corruption=0.5"} (options apart by spaces, values by commas).
     */
    public static Grid parse(String given) {
        Path file = Path.of(given);
        if (given.endsWith(".json") || Files.isRegularFile(file)) {
            return fromJson(file);
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (String part : given.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new BadInputException("--grid: '" + part + "' is not OPTION=VALUE[,VALUE...] (or a JSON file that exists)");
            }
            List<String> values = List.of(part.substring(eq + 1).split(","));
            put(axes, part.substring(0, eq), values, "--grid");
        }
        return new Grid(axes);
    }

    private static Grid fromJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "grid file not found");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file, "not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file, "a grid is a JSON object of option names to lists of values");
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (var it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(text(v)));
            } else {
                values.add(text(e.getValue()));
            }
            put(axes, e.getKey(), values, file.toString());
        }
        return new Grid(axes);
    }

    private static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static void put(Map<String, List<String>> axes, String name, List<String> values, String where) {
        String option = name.startsWith("--") ? name.substring(2) : name;
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            throw new BadInputException(where + ": option '" + option + "' needs at least one value and no empty ones");
        }
        if (axes.put(option, List.copyOf(values)) != null) {
            throw new BadInputException(where + ": option '" + option + "' is given twice");
        }
    }

    /** Every combination of one value per option, the first option varying slowest. */
    public List<Map<String, String>> points() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String v : axis.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }
}
