package dev.sequencer;

/** Configuration is missing or invalid; thrown before Sequencer touches the database. */
public class ConfigurationException extends SequencerException {

    private static final long serialVersionUID = 1L;

    /** The configuration key at fault. */
    private final String key;

    /**
     * A problem with one configuration key.
     *
     * @param key the key at fault, for example {@code sequencer.url}
     * @param message what is wrong and how to fix it
     */
    public ConfigurationException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** {@return the configuration key at fault, for example {@code sequencer.url}} */
    public String key() {
        return key;
    }
}
