package org.mixupsuite.core.run;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * history.csv in long format, one row per condition, seed and step, with the condition's settings
 * as leading columns (ready for a pivot in any analysis tool). Conditions running in parallel
 * report into it; the file is rewritten atomically, so it is always whole. Rows follow the plan's
 * order of condition runs, reserved before any runs, not the order in which parallel runs finish:
 * the same seed gives the same file.
 */
final class HistoryLog {

    private final Path file;
    private final Map<String, List<Map<String, Object>>> rowsById = new LinkedHashMap<>();

    HistoryLog(Path file) {
        this.file = file;
    }

    /** Takes the next place in the file for a condition run, before it (or any other) reports. */
    synchronized void reserve(String id) {
        rowsById.putIfAbsent(id, List.of());
    }

    synchronized void set(String id, Condition condition, long seed, List<Map<String, Object>> rows) {
        List<Map<String, Object>> full = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("condition", condition.slug());
            r.putAll(condition.settings());
            r.put("seed", seed);
            r.putAll(row);
            full.add(r);
        }
        rowsById.put(id, full);
    }

    synchronized void flush() throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        rowsById.values().forEach(rows -> rows.forEach(r -> columns.addAll(r.keySet())));
        AtomicFiles.write(file, out -> {
            OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get();
            CSVPrinter csv = new CSVPrinter(w, format);
            for (List<Map<String, Object>> rows : rowsById.values()) {
                for (Map<String, Object> r : rows) {
                    List<Object> values = new ArrayList<>();
                    for (String c : columns) {
                        values.add(r.get(c));
                    }
                    csv.printRecord(values);
                }
            }
            csv.flush();
        });
    }

    void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
