package dev.sequencer.spring;

import dev.sequencer.SequencerException;

/**
 * Sequencer cannot start with the application's configuration; {@link SequencerFailureAnalyzer} turns it into
 * Boot's start-up report: what is wrong ({@link #getMessage()}) and what to do ({@link #action()}).
 */
public class SequencerConfigurationException extends SequencerException {

    private static final long serialVersionUID = 1L;

    /** What to do about it. */
    private final String action;

    /**
     * A configuration problem with what to do about it.
     *
     * @param description what is wrong
     * @param action what to do about it
     */
    public SequencerConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    /**
     * What to do about it.
     *
     * @return the action, as the failure analyzer shows it
     */
    public String action() {
        return action;
    }
}
