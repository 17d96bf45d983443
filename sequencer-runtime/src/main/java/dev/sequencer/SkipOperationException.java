package dev.sequencer;

/**
 * Thrown by an operation to record itself {@code skipped}: its writes are rolled back and it never runs again. The
 * message is recorded as the reason.
 */
public class SkipOperationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Skips the operation.
     *
     * @param reason why, recorded in the history table
     */
    public SkipOperationException(String reason) {
        super(reason);
    }

    /** {@return the reason given, as recorded in the history table} */
    public String reason() {
        return getMessage();
    }
}
