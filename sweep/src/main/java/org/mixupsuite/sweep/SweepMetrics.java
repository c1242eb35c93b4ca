package org.mixupsuite.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Finding;
import org.mixupsuite.core.findings.Findings;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.Metrics;
import org.mixupsuite.core.run.Provenance;
import org.mixupsuite.core.run.RowMatch;
import org.mixupsuite.core.run.RunDirectory;

/**
 * The sweep's metrics.json, read as a multi-seed run of its study: every finished cell's rows,
 * tagged with the cell's grid point ({@code grid_<option>}), regrouped over seeds into means with
 * 95% intervals; the study's claims decided on each grid point's seeds.
 */
final class SweepMetrics {

    /** The setting a swept option's value is recorded under in every row, e.g. {@code grid_alpha}. */
    static String settingOf(String option) {
        return "grid_" + option.replace('-', '_');
    }

    private SweepMetrics() {
    }

    /** A cell's outcome as its folder records it, or null if it never ended. */
    static CellOutcome recorded(Path cellDir) {
        Path record = cellDir.resolve(CellTask.RECORD);
        if (!Files.isRegularFile(record)) {
            return null;
        }
        CellOutcome o = Json.MAPPER.convertValue(Json.readObject(record).get("outcome"), CellOutcome.class);
        // finished means its run's metrics.json is there, whatever the record says
        if (o.isComplete() && (o.run() == null
                || !Files.isRegularFile(cellDir.getParent().getParent().resolve(o.run()).resolve(RunDirectory.METRICS)))) {
            return null;
        }
        return o;
    }

    static Map<String, Object> write(RunDirectory run, SweepPlan plan, List<Cell> cells, Map<String, CellOutcome> outcomes)
            throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> figures = new LinkedHashSet<>();
        Map<Map<String, Object>, List<Claim>> claimsByPoint = new LinkedHashMap<>();
        Map<String, Object> declared = new LinkedHashMap<>();
        for (Cell c : cells) {
            CellOutcome o = outcomes.get(c.id());
            if (o == null || !o.isComplete()) {
                continue;
            }
            Map<String, Object> metrics = Json.readObject(run.dir().resolve(o.run()).resolve(RunDirectory.METRICS));
            Map<String, Object> point = pointSettings(c);
            if (metrics.get(Metrics.FIGURES) instanceof List<?> names) {
                names.forEach(n -> figures.add(String.valueOf(n)));
            }
            for (String key : List.of("headline_figures", "comparison_focus")) {
                if (metrics.containsKey(key)) {
                    declared.putIfAbsent(key, metrics.get(key));
                }
            }
            if (metrics.get("conditions") instanceof List<?> conditions) {
                for (Object row : conditions) {
                    Map<String, Object> tagged = new LinkedHashMap<>(point);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> r = (Map<String, Object>) row;
                    tagged.putAll(r);
                    rows.add(tagged);
                }
            }
            claimsByPoint.computeIfAbsent(point, k -> claims(Path.of(c.dir())));
        }
        List<Map<String, Object>> conditions = Metrics.aggregateRows(rows, List.copyOf(figures));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, List<Claim>> e : claimsByPoint.entrySet()) {
            List<Map<String, Object>> atPoint = conditions.stream().filter(r -> RowMatch.matches(e.getKey(), r)).toList();
            for (Finding f : Findings.evaluate(e.getValue(), atPoint)) {
                Map<String, Object> json = f.toJson();
                if (!e.getKey().isEmpty()) {
                    // one claim per grid point: the id names the point so baselines can pick one
                    json.put("id", f.id() + pointText(e.getKey()));
                    json.put("grid", e.getKey());
                }
                findings.add(json);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", plan.study());
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("grid", plan.grid().axes());
        sweep.put("cells", cells.size());
        sweep.put("complete", outcomes.values().stream().filter(CellOutcome::isComplete).count());
        sweep.put("failed", outcomes.values().stream().filter(o -> !o.isComplete()).map(CellOutcome::id).toList());
        doc.put("sweep", sweep);
        doc.put("conditions", conditions);
        doc.put(Metrics.FIGURES, List.copyOf(figures));
        if (!findings.isEmpty()) {
            doc.put("findings", findings);
        }
        doc.putAll(declared);
        doc.put("peak_rss_mb", Provenance.peakResidentMegabytes());
        SweepCharts.draw(doc, plan.grid(), run.dir());
        Json.write(run.metrics(), doc);
        return doc;
    }

    /** The grid point as row settings: numbers as numbers, so that baselines match 0.5 and 0.50 alike. */
    static Map<String, Object> pointSettings(Cell c) {
        Map<String, Object> point = new LinkedHashMap<>();
        c.point().forEach((option, value) -> point.put(settingOf(option), number(value)));
        return point;
    }

    static Object number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String pointText(Map<String, Object> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((k, v) -> parts.add(k.substring("grid_".length()) + "=" + (v instanceof Double d && d == Math.rint(d)
                ? String.valueOf(d.longValue()) : v)));
        return "[" + String.join(",", parts) + "]";
    }

    private static List<Claim> claims(Path cellDir) {
        Object list = Json.readObject(cellDir.resolve(CellTask.RECORD)).get("claims");
        if (!(list instanceof List<?> claims)) {
            return List.of();
        }
        return claims.stream().map(c -> Json.MAPPER.convertValue(c, Claim.class)).toList();
    }
}
