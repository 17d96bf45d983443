package dev.sequencer;

/** An operation failed; it is recorded {@code failed} with an error row. The message names it. */
public class OperationFailedException extends SequencerException {

    private static final long serialVersionUID = 1L;

    private final String operation;

    public OperationFailedException(String operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** The name of the operation that failed. */
    public String operation() {
        return operation;
    }
}
