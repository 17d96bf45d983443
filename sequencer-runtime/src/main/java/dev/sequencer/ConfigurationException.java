package dev.sequencer;

/** Configuration is missing or invalid; thrown before Sequencer touches the database. */
public class ConfigurationException extends SequencerException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigurationException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The configuration key at fault, for example {@code sequencer.url}. */
    public String key() {
        return key;
    }
}
