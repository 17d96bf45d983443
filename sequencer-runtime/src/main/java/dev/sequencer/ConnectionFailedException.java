package dev.sequencer;

/**
 * The database cannot be reached: wrong credentials, an unknown database, nothing listening at the address, no JDBC
 * driver, or a transient problem that outlasted {@code sequencer.connection-timeout}. The message gives the database's
 * own reason and the configuration key to check; it never contains a password.
 */
public class ConnectionFailedException extends SequencerException {

    private static final long serialVersionUID = 1L;

    /** The configuration key to check first. */
    private final String key;

    /**
     * A connection that failed.
     *
     * @param key the configuration key to check first
     * @param message the database's reason and what to check, without a password
     * @param cause the driver's exception
     */
    public ConnectionFailedException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** {@return the configuration key to check first, for example {@code sequencer.password}} */
    public String key() {
        return key;
    }
}
