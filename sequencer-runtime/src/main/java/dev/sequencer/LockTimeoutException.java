package dev.sequencer;

/** The Sequencer lock stayed held by another run for longer than {@code sequencer.lock.timeout}. */
public class LockTimeoutException extends SequencerException {

    private static final long serialVersionUID = 1L;

    public LockTimeoutException(String message) {
        super(message);
    }
}
