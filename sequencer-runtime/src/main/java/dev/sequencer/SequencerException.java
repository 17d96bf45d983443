package dev.sequencer;

/** Base of the unchecked exceptions Sequencer throws; the message says what happened and what to do next. */
public class SequencerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what happened and what to do next
     */
    public SequencerException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what happened and what to do next
     * @param cause the underlying exception
     */
    public SequencerException(String message, Throwable cause) {
        super(message, cause);
    }
}
