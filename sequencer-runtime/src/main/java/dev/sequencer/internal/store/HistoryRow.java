package dev.sequencer.internal.store;

import dev.sequencer.OperationState;
import java.time.Instant;

/**
 * The newest row of one operation in the history table.
 *
 * @param id the row id
 * @param name the operation name
 * @param className the operation class recorded with the row, or {@code null}
 * @param state its current state
 * @param attempts how many rows the name has in all
 * @param attempt the attempt number recorded in this row
 * @param owner who wrote a {@code running} or {@code dispatched} row, or {@code null}
 * @param reason the skip reason or failure message, or {@code null}
 * @param startedAt when the newest attempt started
 * @param finishedAt when it finished, or {@code null}
 */
public record HistoryRow(
        long id,
        String name,
        String className,
        OperationState state,
        int attempts,
        int attempt,
        String owner,
        String reason,
        Instant startedAt,
        Instant finishedAt) {

    /** Whether this row is {@code running} and was written by a synchronous run (not by an asynchronous worker). */
    public boolean runningInARun() {
        return state == OperationState.RUNNING && (owner == null || owner.startsWith(RUN_OWNER_PREFIX));
    }

    /** The prefix of {@link #owner()} for rows written by synchronous runs. */
    public static final String RUN_OWNER_PREFIX = "run:";
}
