package dev.sequencer;

import java.util.Locale;

/** The states of an operation in the history table, stored in lower case. */
public enum OperationState {
    /** A non-transactional operation is running (a transactional one is never seen running). */
    RUNNING,
    /** Handed to the asynchronous backend; a worker runs it. */
    DISPATCHED,
    /** Done; for a transactional operation, committed together with its work. */
    COMPLETED,
    /** Failed and rolled back; the next run executes it again. */
    FAILED,
    /** Not run, with the reason recorded ({@code SkipOperationException}, {@code shouldRun()} false); never runs again. */
    SKIPPED,
    /** Undone by {@code rollback()} after a later failure in the same run; the next run executes it again. */
    ROLLED_BACK;

    /** {@return the value stored in the history table, for example {@code rolled_back}} */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a stored value.
     *
     * @param value the value stored in the history table
     * @return its state
     */
    public static OperationState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** {@return whether the operation is done for good: {@code completed} or {@code skipped}} */
    public boolean isFinal() {
        return this == COMPLETED || this == SKIPPED;
    }
}
