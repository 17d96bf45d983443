package dev.sequencer;

/** An {@link ExecutionGuard} blocked the run; nothing was touched. */
public class GuardBlockedException extends SequencerException {

    private static final long serialVersionUID = 1L;

    private final String guard;

    public GuardBlockedException(String guard, String message) {
        super(message);
        this.guard = guard;
    }

    /** The name of the guard that blocked the run. */
    public String guard() {
        return guard;
    }
}
