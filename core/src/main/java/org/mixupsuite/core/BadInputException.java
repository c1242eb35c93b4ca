package org.mixupsuite.core;

import java.nio.file.Path;

/**
 * Input the suite cannot use: a broken or missing data file, a bad option value, a run folder in
 * the wrong state. The launcher turns it into exit code 2 and one readable line, so the message
 * always names the file or option and what is wrong with it.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public BadInputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
