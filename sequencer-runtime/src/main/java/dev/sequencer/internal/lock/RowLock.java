package dev.sequencer.internal.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A lock row, for H2 and databases without named locks: the row {@code id = 1} of table {@code <prefix>lock},
 * selected {@code for update} in a transaction that stays open while the lock is held. On H2 each try waits at most
 * about a second ({@code SET LOCK_TIMEOUT}), and the connection gets its own lock timeout back before it returns to the
 * pool.
 */
final class RowLock extends SequencerLock {

    private final boolean h2;
    private String originalH2LockTimeout;

    RowLock(Connection connection, String table, boolean h2) {
        super(connection, table);
        this.h2 = h2;
    }

    @Override
    protected boolean tryAcquire(Duration wait) throws SQLException {
        prepareTable();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            if (h2) {
                rememberH2LockTimeout(s);
                s.execute("set lock_timeout " + Math.max(1, Math.min(1000, wait.toMillis())));
            }
            s.executeQuery("select id from " + lockName + " where id = 1 for update")
                    .close();
            return true;
        } catch (SQLException e) {
            // Held by another connection: the database waited up to its lock timeout.
            connection.rollback();
            connection.setAutoCommit(true);
            return false;
        }
    }

    private void prepareTable() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("create table if not exists " + lockName + " (id integer primary key)");
            try {
                s.executeUpdate("insert into " + lockName + " (id) select 1 where not exists (select 1 from " + lockName
                        + " where id = 1)");
            } catch (SQLException duplicate) {
                // another node inserted it at the same moment
            }
        }
    }

    @Override
    protected void release() throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /** Gives the connection its own lock timeout back, whether or not the lock was acquired. */
    @Override
    protected void beforeClose() throws SQLException {
        if (originalH2LockTimeout != null) {
            try (Statement s = connection.createStatement()) {
                s.execute("set lock_timeout " + Integer.parseInt(originalH2LockTimeout));
            }
        }
    }

    private void rememberH2LockTimeout(Statement s) throws SQLException {
        if (originalH2LockTimeout == null) {
            try (ResultSet rs = s.executeQuery("select lock_timeout()")) {
                originalH2LockTimeout = rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    protected String describe() {
        return "row 1 of table " + lockName + ", selected for update";
    }
}
