package org.mixupsuite.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.train.Network;

/**
 * A condition's checkpoint folder. The model of step N is written under its own name first and the
 * state file that names it last, so an interruption at any moment leaves a consistent pair.
 */
public final class CheckpointStore {

    private static final String STATE = "state.json";
    private static final String RESULT = "result.json";

    private final Path dir;

    public CheckpointStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Progress saved after a completed step (an epoch or a snapshot). */
    public record State(int step, String modelFile, List<Map<String, Object>> history, Map<String, Object> extra) {
    }

    public Optional<State> loadState() {
        Path f = dir.resolve(STATE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        return Optional.of(Json.read(f, State.class));
    }

    public Path modelPath(State state) {
        Path p = dir.resolve(state.modelFile());
        if (!Files.isRegularFile(p)) {
            throw new BadInputException(p, "checkpoint model named by " + dir.resolve(STATE) + " is missing");
        }
        return p;
    }

    public void save(int step, Network network, List<Map<String, Object>> history, Map<String, Object> extra)
            throws IOException {
        Files.createDirectories(dir);
        String modelFile = "model-" + step + ".zip";
        Path tmp = dir.resolve(modelFile + ".tmp");
        network.save(tmp);
        Files.move(tmp, dir.resolve(modelFile), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Json.write(dir.resolve(STATE), new State(step, modelFile, new ArrayList<>(history), new LinkedHashMap<>(extra)));
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith("model-") && !n.equals(modelFile)) {
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
