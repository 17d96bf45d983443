package dev.sequencer;

/** An {@link ExecutionGuard} blocked the run; nothing was touched. */
public class GuardBlockedException extends SequencerException {

    private static final long serialVersionUID = 1L;

    /** The name of the guard that blocked the run. */
    private final String guard;

    /**
     * A run that a guard blocked.
     *
     * @param guard the guard's name
     * @param message the guard's reason
     */
    public GuardBlockedException(String guard, String message) {
        super(message);
        this.guard = guard;
    }

    /** {@return the name of the guard that blocked the run} */
    public String guard() {
        return guard;
    }
}
