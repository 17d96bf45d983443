package dev.sequencer.internal.execution;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationEvent;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationState;
import java.time.Duration;
import java.time.Instant;

/**
 * How one execution of an operation ended.
 *
 * @param outcome what happened
 * @param handler the instance that ran, kept for a later {@code rollback()}; {@code null} if none was built
 * @param reason the skip reason, failure message or other detail, or {@code null}
 * @param error the failure, or {@code null}
 * @param elapsed how long it took
 */
public record Execution(Outcome outcome, OperationHandler handler, String reason, Throwable error, Duration elapsed) {

    /** What an execution did. */
    public enum Outcome {
        COMPLETED(OperationState.COMPLETED),
        SKIPPED(OperationState.SKIPPED),
        FAILED(OperationState.FAILED),
        ROLLED_BACK(OperationState.ROLLED_BACK),
        DISPATCHED(OperationState.DISPATCHED),
        /** Another worker wrote a newer history row first: this attempt did nothing and recorded nothing. */
        SUPERSEDED(null);

        private final OperationState state;

        Outcome(OperationState state) {
            this.state = state;
        }

        static Outcome of(OperationState state) {
            for (Outcome o : values()) {
                if (o.state == state) {
                    return o;
                }
            }
            throw new IllegalArgumentException("No outcome records " + state);
        }
    }

    /** An execution that recorded {@code state}, started at {@code started} and ended now. */
    static Execution of(
            OperationState state, OperationHandler handler, String reason, Throwable error, Instant started) {
        return new Execution(Outcome.of(state), handler, reason, error, Duration.between(started, Instant.now()));
    }

    static Execution superseded() {
        return new Execution(Outcome.SUPERSEDED, null, "superseded by another worker", null, Duration.ZERO);
    }

    /** The state this execution recorded. */
    public OperationState state() {
        if (outcome == Outcome.SUPERSEDED) {
            throw new IllegalStateException("A superseded execution recorded nothing");
        }
        return outcome.state;
    }

    /** Whether this attempt gave way to another worker and recorded nothing. */
    public boolean isSuperseded() {
        return outcome == Outcome.SUPERSEDED;
    }

    /** The listener event of this execution of {@code op}. */
    public OperationEvent event(OperationDescriptor op) {
        return new OperationEvent(op.name(), op, elapsed, outcome == Outcome.SKIPPED ? reason : null, error);
    }

    /** {@code SimpleName: message} of a failure, as recorded in the history table. */
    public static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
