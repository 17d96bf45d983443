package dev.sequencer.internal.lock;

import dev.sequencer.LockTimeoutException;
import dev.sequencer.internal.config.Durations;
import dev.sequencer.internal.config.SettingKeys;
import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.internal.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sequencer lock: one database lock, held on a connection of its own for the whole of a run of operations, so
 * that two nodes never run operations at the same time. Closing it releases the lock and the connection; if the
 * process dies, the database releases it with the connection.
 */
public abstract class SequencerLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SequencerLock.class);
    static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    protected final Connection connection;
    protected final String lockName;
    private boolean held;

    protected SequencerLock(Connection connection, String lockName) {
        this.connection = connection;
        this.lockName = lockName;
    }

    /** Acquires the lock for tables with {@code tablePrefix}, waiting up to {@code timeout}. */
    public static SequencerLock acquire(DataSource dataSource, Dialect dialect, String tablePrefix, Duration timeout)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        String name = tablePrefix + "lock";
        SequencerLock lock;
        try {
            lock = switch (dialect) {
                case POSTGRESQL -> new AdvisoryLock(connection, name);
                case MYSQL -> new NamedLock(connection, name);
                default -> new RowLock(connection, name, dialect == Dialect.H2);
            };
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean logged = false;
            while (!lock.tryAcquire(remaining(deadline))) {
                if (System.nanoTime() >= deadline) {
                    throw new LockTimeoutException(RuntimeMessage.LOCK_TIMEOUT.format(
                            name, lock.describe(), Durations.format(timeout), SettingKeys.LOCK_TIMEOUT));
                }
                if (!logged) {
                    LOG.info("Waiting for the Sequencer lock '{}' held by another run", name);
                    logged = true;
                }
            }
            lock.held = true;
            LOG.debug("Acquired the Sequencer lock '{}'", name);
            return lock;
        } catch (SQLException | RuntimeException e) {
            lock.resetQuietly();
            closeQuietly(connection);
            throw e;
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** One attempt, which may block for at most about {@code wait}; true when acquired. */
    protected abstract boolean tryAcquire(Duration wait) throws SQLException;

    /** Releases a held lock. */
    protected abstract void release() throws SQLException;

    /** What kind of database lock this is, for messages. */
    protected abstract String describe();

    /** Undoes what trying to acquire changed on the connection, before it is closed (back to a pool). */
    protected void beforeClose() throws SQLException {}

    private void resetQuietly() {
        try {
            beforeClose();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Resetting the lock connection failed", e);
        }
    }

    @Override
    public void close() {
        try {
            if (held) {
                release();
            }
        } catch (SQLException e) {
            // The lock dies with the connection; make sure the pool does not keep it alive.
            LOG.warn("Releasing the Sequencer lock '{}' failed; closing its connection instead", lockName, e);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // nothing more to do
            }
        } finally {
            held = false;
            resetQuietly();
            closeQuietly(connection);
        }
    }

    static void pause(Duration wait) {
        try {
            Thread.sleep(Math.min(wait.toMillis(), RETRY_PAUSE.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("Interrupted while waiting for the Sequencer lock");
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing the lock connection failed", e);
        }
    }
}
