package dev.sequencer.internal.store;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationState;
import java.time.Instant;

/**
 * One row of the history table to write: an attempt of an operation and how it ended.
 *
 * @param name the operation name
 * @param className the operation class, for the record
 * @param state the state of the row
 * @param attempt the attempt number (1 for the first row of a name)
 * @param owner who writes a {@code running} or {@code dispatched} row, or {@code null}
 * @param reason the skip reason, failure message or other detail, or {@code null}
 * @param startedAt when the attempt started
 * @param finishedAt when it ended, or {@code null} while it is {@code running} or {@code dispatched}
 */
public record Attempt(
        String name,
        String className,
        OperationState state,
        int attempt,
        String owner,
        String reason,
        Instant startedAt,
        Instant finishedAt) {

    /** A row of {@code op} in {@code state} that ended now. */
    public static Attempt ended(
            OperationDescriptor op, OperationState state, int attempt, String reason, Instant started) {
        return new Attempt(op.name(), op.className(), state, attempt, null, reason, started, Instant.now());
    }

    /** A row of {@code op} that is still under way ({@code running} or {@code dispatched}), written by {@code owner}. */
    public static Attempt open(
            OperationDescriptor op, OperationState state, int attempt, String owner, String reason, Instant started) {
        return new Attempt(op.name(), op.className(), state, attempt, owner, reason, started, null);
    }
}
