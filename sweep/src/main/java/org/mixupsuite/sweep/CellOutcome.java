package org.mixupsuite.sweep;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;

/**
 * How a cell ended, as the driver records it in sweep.json.
 *
 * @param status   {@code complete} or {@code failed} ({@code pending} before it ran)
 * @param run      its study run folder, relative to the sweep's folder; null until one exists
 * @param attempts how many times Spark ran the task
 * @param seconds  wall time of the last attempt
 */
public record CellOutcome(String id, String status, String run, String message, int attempts, double seconds)
        implements Serializable {

    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    public static final String PENDING = "pending";

    @JsonIgnore
    public boolean isComplete() {
        return COMPLETE.equals(status);
    }

    static CellOutcome pending(String id) {
        return new CellOutcome(id, PENDING, null, null, 0, 0);
    }
}
