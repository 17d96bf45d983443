package dev.sequencer;

import java.time.Duration;

/**
 * How far a running operation has come, as it reported through {@link OperationContext#progress(long, long)}.
 *
 * @param name the operation name
 * @param done the units done so far
 * @param total the units in all, or 0 or less when unknown
 * @param elapsed how long the attempt has been running
 */
public record ProgressEvent(String name, long done, long total, Duration elapsed) {

    /** {@return {@code done / total} between 0 and 1, or -1 when the total is unknown} */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
