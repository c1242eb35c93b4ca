package org.mixupsuite.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mixupsuite.core.BadInputException;

/**
 * A condition's checkpoint folder. The models of step N are written under their own names first and
 * the state file that names them last, so an interruption at any moment leaves a consistent set.
 * A condition may keep several models (a GAN's generator and discriminator), each under a name.
 */
public final class CheckpointStore {

    private static final String STATE = "state.json";
    private static final String RESULT = "result.json";
    /** The name of the one model of a single-network condition. */
    public static final String MODEL = "model";

    private final Path dir;
    private final long minNanosBetweenSaves;
    private long lastSave = System.nanoTime();

    /** A store that saves whenever asked. */
    public CheckpointStore(Path dir) {
        this(dir, 0);
    }

    /** A store whose {@link #due()} says yes at most every {@code minSecondsBetweenSaves}. */
    public CheckpointStore(Path dir, int minSecondsBetweenSaves) {
        this(dir, minSecondsBetweenSaves * 1_000_000_000L);
    }

    /** Whether enough time has passed since the last save (or the start) to save again. */
    public boolean due() {
        return System.nanoTime() - lastSave >= minNanosBetweenSaves;
    }

    public Path dir() {
        return dir;
    }

    /** A store in the folder beside this one named {@code name}, saving as often as this one (for a helper model). */
    public CheckpointStore sibling(String name) {
        return new CheckpointStore(dir.resolveSibling(name), minNanosBetweenSaves);
    }

    private CheckpointStore(Path dir, long minNanosBetweenSaves) {
        this.dir = dir;
        this.minNanosBetweenSaves = minNanosBetweenSaves;
    }

    /** Writes one model's full state (parameters and optimizer) to a file. */
    @FunctionalInterface
    public interface ModelWriter {
        void write(Path file) throws IOException;
    }

    /** Progress saved after a completed step (an epoch or a snapshot): model files by name, history, extras. */
    public record State(int step, Map<String, String> models, List<Map<String, Object>> history,
                        Map<String, Object> extra) {
    }

    public Optional<State> loadState() {
        Path f = dir.resolve(STATE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        return Optional.of(Json.read(f, State.class));
    }

    public Path modelPath(State state, String name) {
        String file = state.models().get(name);
        if (file == null) {
            throw new BadInputException(dir.resolve(STATE), "names no checkpoint model '" + name + "'");
        }
        Path p = dir.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new BadInputException(p, "checkpoint model named by " + dir.resolve(STATE) + " is missing");
        }
        return p;
    }

    public void save(int step, Map<String, ModelWriter> models, List<Map<String, Object>> history,
                     Map<String, Object> extra) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, ModelWriter> m : models.entrySet()) {
            String file = m.getKey() + "-" + step + ".zip";
            Path tmp = dir.resolve(file + ".tmp");
            m.getValue().write(tmp);
            Files.move(tmp, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            files.put(m.getKey(), file);
        }
        Json.write(dir.resolve(STATE), new State(step, files, new ArrayList<>(history), new LinkedHashMap<>(extra)));
        lastSave = System.nanoTime();
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                String n = p.getFileName().toString();
                if (n.endsWith(".zip") && !files.containsValue(n)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    public Optional<ConditionResult> loadResult() {
        Path f = dir.resolve(RESULT);
        return Files.exists(f) ? Optional.of(Json.read(f, ConditionResult.class)) : Optional.empty();
    }

    public void saveResult(ConditionResult result) throws IOException {
        Json.write(dir.resolve(RESULT), result);
    }
}
