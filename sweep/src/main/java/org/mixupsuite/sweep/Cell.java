package org.mixupsuite.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task of a sweep: a study run on one grid point and one seed, with the command line that
 * runs it and the folder it writes into. Sent to Spark executors, hence plain serializable values.
 *
 * @param point the swept options' values of this cell
 * @param args  the study's command line, without {@code --out} (the cell's folder decides it)
 * @param dir   the cell's folder, a path every executor sees
 */
public record Cell(String id, String study, LinkedHashMap<String, String> point, long seed, List<String> args,
                   String dir) implements Serializable {

    public Cell {
        args = List.copyOf(args);
    }

    /**
     * @param fixed the study options every cell gets (the sweep's own ones, then those after {@code --})
     */
    static Cell of(String study, Map<String, String> point, long seed, List<String> fixed, java.nio.file.Path cellsDir) {
        List<String> args = new ArrayList<>(fixed);
        point.forEach((option, value) -> args.addAll(List.of("--" + option, value)));
        args.addAll(List.of("--seed", String.valueOf(seed)));
        String id = id(point, seed);
        return new Cell(id, study, new LinkedHashMap<>(point), seed, args, cellsDir.resolve(id).toString());
    }

    /** e.g. {@code alpha-8_corruption-0.5_seed-2}: readable, and safe as a folder name. */
    static String id(Map<String, String> point, long seed) {
        StringBuilder id = new StringBuilder();
        point.forEach((option, value) -> id.append(option).append('-').append(value).append('_'));
        id.append("seed-").append(seed);
        return id.toString().replaceAll("[^A-Za-z0-9.+_-]", "_");
    }
}
