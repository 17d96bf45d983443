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
 * @param lastMessage the skip reason or failure message of the newest attempt, or {@code null}
 */
public record OperationStatus(
        String name,
        OperationState state,
        boolean pending,
        int attempts,
        Instant startedAt,
        Instant finishedAt,
        String lastMessage) {}
