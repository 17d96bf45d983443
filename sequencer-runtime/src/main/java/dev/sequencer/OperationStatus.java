package dev.sequencer;

import java.time.Instant;

/**
 * The state of one operation of the registry.
 *
 * @param name the operation name
 * @param state its current state, or {@code null} when it never ran (pending)
 * @param pending whether the next run would execute it
 * @param attempts how many rows it has in the history table
 * @param startedAt when the newest attempt started, or {@code null}
 * @param finishedAt when the newest attempt finished, or {@code null}
 * @param lastMessage the skip reason or failure message of the newest attempt, or {@code null}; for a lost operation,
 *     what to do about it
 * @param lost whether it is {@code dispatched} but its task is gone from the asynchronous backend's table, so no
 *     worker will ever run it ({@link Sequencer#redispatch(String)} hands it over again)
 * @param partitions for a {@code @Partitioned} operation that was dispatched, how many of its partitions are
 *     completed; {@code null} otherwise
 */
public record OperationStatus(
        String name,
        OperationState state,
        boolean pending,
        int attempts,
        Instant startedAt,
        Instant finishedAt,
        String lastMessage,
        boolean lost,
        Partitions partitions) {

    /** How far a partitioned operation has come: {@code completed} of {@code total} partitions. */
    public record Partitions(int completed, int total) {
        @Override
        public String toString() {
            return completed + "/" + total + " partitions completed";
        }
    }

    /**
     * A status without partitions.
     *
     * @param name the operation name
     * @param state its current state, or {@code null} when it never ran
     * @param pending whether the next run would execute it
     * @param attempts how many rows it has in the history table
     * @param startedAt when the newest attempt started, or {@code null}
     * @param finishedAt when the newest attempt finished, or {@code null}
     * @param lastMessage the skip reason or failure message of the newest attempt, or {@code null}
     * @param lost whether its task is gone from the asynchronous backend's table
     */
    public OperationStatus(
            String name,
            OperationState state,
            boolean pending,
            int attempts,
            Instant startedAt,
            Instant finishedAt,
            String lastMessage,
            boolean lost) {
        this(name, state, pending, attempts, startedAt, finishedAt, lastMessage, lost, null);
    }

    /**
     * A status that is neither lost nor partitioned.
     *
     * @param name the operation name
     * @param state its current state, or {@code null} when it never ran
     * @param pending whether the next run would execute it
     * @param attempts how many rows it has in the history table
     * @param startedAt when the newest attempt started, or {@code null}
     * @param finishedAt when the newest attempt finished, or {@code null}
     * @param lastMessage the skip reason or failure message of the newest attempt, or {@code null}
     */
    public OperationStatus(
            String name,
            OperationState state,
            boolean pending,
            int attempts,
            Instant startedAt,
            Instant finishedAt,
            String lastMessage) {
        this(name, state, pending, attempts, startedAt, finishedAt, lastMessage, false, null);
    }

    /** {@return whether it is handed to the asynchronous backend and waiting for (or running on) a worker} */
    public boolean dispatched() {
        return state == OperationState.DISPATCHED;
    }
}
