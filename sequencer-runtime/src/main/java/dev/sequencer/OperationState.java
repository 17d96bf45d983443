package dev.sequencer;

import java.util.Locale;

/** The states of an operation in the history table, stored in lower case. */
public enum OperationState {
    RUNNING,
    DISPATCHED,
    COMPLETED,
    FAILED,
    SKIPPED,
    ROLLED_BACK;

    /** The value stored in the history table, for example {@code rolled_back}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored value. */
    public static OperationState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether the operation is done for good: {@code completed} or {@code skipped}. */
    public boolean isFinal() {
        return this == COMPLETED || this == SKIPPED;
    }
}
