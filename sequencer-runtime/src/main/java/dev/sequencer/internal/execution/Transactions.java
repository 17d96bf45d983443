package dev.sequencer.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ending an operation's transaction and giving its connection back, without ever hiding the failure that got us
 * there: a second failure on the way is added to the first as suppressed (or logged when there was none).
 */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private Transactions() {}

    /** Rolls back the open transaction of {@code c}; a failure to do so is added to {@code cause}. */
    public static void rollBack(Connection c, Throwable cause) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            note(cause, e, "Rolling back an operation's transaction failed");
        }
    }

    /**
     * Commits a transaction that a non-transactional operation left open when it succeeded (its own work), and puts
     * the connection back in auto-commit.
     */
    static void commitLeftOpen(Connection c) throws SQLException {
        if (!c.isClosed() && !c.getAutoCommit()) {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** Restores auto-commit and closes {@code c}; a failure to do so is added to {@code cause}. */
    public static void close(Connection c, Throwable cause) {
        try {
            if (!c.isClosed()) {
                if (!c.getAutoCommit()) {
                    c.rollback(); // nothing is left to commit here: give the pool a clean connection
                    c.setAutoCommit(true);
                }
                c.close();
            }
        } catch (SQLException | RuntimeException e) {
            note(cause, e, "Giving an operation's connection back failed");
        }
    }

    private static void note(Throwable cause, Exception e, String what) {
        if (cause != null) {
            cause.addSuppressed(e);
        } else {
            LOG.warn(what, e);
        }
    }
}
