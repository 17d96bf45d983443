package dev.sequencer.spring;

import dev.sequencer.SequencerException;

/**
 * Sequencer cannot start with the application's configuration; {@link SequencerFailureAnalyzer} turns it into
 * Boot's start-up report: what is wrong ({@link #getMessage()}) and what to do ({@link #action()}).
 */
public class SequencerConfigurationException extends SequencerException {

    private static final long serialVersionUID = 1L;

    private final String action;

    public SequencerConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
