package dev.sequencer;

/** Base of the unchecked exceptions Sequencer throws; the message says what happened and what to do next. */
public class SequencerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SequencerException(String message) {
        super(message);
    }

    public SequencerException(String message, Throwable cause) {
        super(message, cause);
    }
}
