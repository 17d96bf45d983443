package dev.sequencer;

/** The Sequencer lock stayed held by another run for longer than {@code sequencer.lock.timeout}. */
public class LockTimeoutException extends SequencerException {

    private static final long serialVersionUID = 1L;

    /**
     * A lock that could not be had in time.
     *
     * @param message which lock, for how long, and what to check
     */
    public LockTimeoutException(String message) {
        super(message);
    }
}
