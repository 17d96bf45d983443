package dev.sequencer;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of an operation's history, as {@link Sequencer#history(String)} returns it: an attempt, a dispatch, or a
 * record made by hand (baseline, skip, mark completed), with its error where it failed.
 *
 * @param id the row id, increasing
 * @param name the operation name
 * @param state the state recorded
 * @param attempt the attempt number
 * @param owner who wrote the row when it says ({@code run:...}, {@code worker:...}, {@code operator:...}), or {@code null}
 * @param reason the skip reason, failure message or other note, or {@code null}
 * @param startedAt when it started
 * @param finishedAt when it ended, or {@code null} while it is running or dispatched
 * @param error the error of a failed attempt, or {@code null}
 */
public record OperationAttempt(
        long id,
        String name,
        OperationState state,
        int attempt,
        String owner,
        String reason,
        Instant startedAt,
        Instant finishedAt,
        Error error) {

    /** {@return how long it took, or {@code null} while it has not ended} */
    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /**
     * The error of a failed attempt.
     *
     * @param exceptionClass the exception's class name
     * @param message its message, or {@code null}
     * @param stackTrace the whole stack trace, causes included
     */
    public record Error(String exceptionClass, String message, String stackTrace) {}
}
