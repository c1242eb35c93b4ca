package org.mixupsuite.core.run;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mixupsuite.core.BadInputException;

/** The suite's one JSON mapper: pretty, key order kept, files written atomically. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a figure that is not a number must stay visible rather than break the file
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private Json() {
    }

    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(value));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), LinkedHashMap.class);
        } catch (IOException e) {
            throw new BadInputException(file, "not readable JSON: " + e.getMessage(), e);
        }
    }

    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new BadInputException(file, "not readable as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
