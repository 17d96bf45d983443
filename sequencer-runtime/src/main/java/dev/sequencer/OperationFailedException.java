package dev.sequencer;

/** An operation failed; it is recorded {@code failed} with an error row. The message names it. */
public class OperationFailedException extends SequencerException {

    private static final long serialVersionUID = 1L;

    /** The name of the operation that failed. */
    private final String operation;

    /**
     * A failed operation.
     *
     * @param operation the operation's name
     * @param message what failed, naming the operation
     * @param cause what the operation threw
     */
    public OperationFailedException(String operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** {@return the name of the operation that failed} */
    public String operation() {
        return operation;
    }
}
