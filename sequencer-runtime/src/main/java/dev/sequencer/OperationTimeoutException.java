package dev.sequencer;

/** An operation exceeded its {@code @Timeout}; it is recorded {@code failed} and its transaction rolled back. */
public class OperationTimeoutException extends SequencerException {

    private static final long serialVersionUID = 1L;

    /**
     * A time limit exceeded.
     *
     * @param message which operation, and its limit
     */
    public OperationTimeoutException(String message) {
        super(message);
    }
}
