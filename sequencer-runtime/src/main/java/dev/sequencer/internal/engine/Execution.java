package dev.sequencer.internal.engine;

import dev.sequencer.OperationHandler;
import dev.sequencer.OperationState;
import java.time.Duration;

/**
 * How one execution of an operation ended.
 *
 * @param state the recorded state
 * @param handler the instance that ran, kept for a later {@code rollback()}; {@code null} if none was built
 * @param reason the skip reason or failure message, or {@code null}
 * @param error the failure, or {@code null}
 * @param elapsed how long it took
 */
public record Execution(
        OperationState state, OperationHandler handler, String reason, Throwable error, Duration elapsed) {

    /** Another worker wrote a newer history row first: this attempt did nothing and recorded nothing. */
    static Execution superseded() {
        return new Execution(null, null, "superseded by another worker", null, Duration.ZERO);
    }

    /** Whether this attempt gave way to another worker (see {@link #superseded()}). */
    public boolean isSuperseded() {
        return state == null;
    }
}
