package dev.sequencer.internal.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sequencer.ConnectionFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The connection pool Sequencer creates from {@code sequencer.url} when no DataSource is given: HikariCP, created on
 * first use so that nothing touches the database before validation is over. Before the pool exists, one direct
 * connection is tried: errors that retrying cannot fix (authentication, unknown database, nothing listening) fail at
 * once with the database's reason and the key to check; transient ones are retried until
 * {@code sequencer.connection-timeout}.
 */
public final class ConnectionPool extends PlainDataSource implements AutoCloseable {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final SequencerSettings settings;
    private volatile HikariDataSource pool;
    private ProbedDataSource connections;
    private boolean closed;

    private ConnectionPool(SequencerSettings settings) {
        this.settings = settings;
    }

    /** A pool over {@code settings.url()} that connects on first use. */
    public static ConnectionPool create(SequencerSettings settings) {
        return new ConnectionPool(settings);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Sequencer's pool connects with sequencer.user only");
    }

    private HikariDataSource pool() {
        HikariDataSource p = pool;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("This Sequencer is closed");
            }
            if (pool == null) {
                Properties credentials = credentials();
                connections = new ProbedDataSource(settings.url(), credentials, reachDatabase(credentials));
                try {
                    pool = new HikariDataSource(config(connections));
                } catch (RuntimeException e) {
                    connections.closeUnusedProbe();
                    throw e;
                }
            }
            return pool;
        }
    }

    /** Whether the pool's first connection is the one that probed the database (for tests). */
    boolean reusedProbe() {
        return connections != null && connections.probeTaken();
    }

    private Properties credentials() {
        Properties credentials = new Properties();
        if (settings.user() != null) {
            credentials.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            credentials.setProperty("password", settings.password());
        }
        return credentials;
    }

    /** One direct connection, retried while the failure may be transient; it becomes the pool's first. */
    private Connection reachDatabase(Properties credentials) {
        long deadline = System.nanoTime() + settings.connectionTimeout().toNanos();
        while (true) {
            try {
                return JdbcDrivers.connect(settings.url(), credentials);
            } catch (SQLException e) {
                String key = ConnectionFailures.permanentKey(e);
                if (key != null) {
                    throw ConnectionFailures.failed(settings.url(), key, e);
                }
                if (System.nanoTime() >= deadline) {
                    ConnectionFailedException failed =
                            ConnectionFailures.failed(settings.url(), SettingKeys.CONNECTION_TIMEOUT, e);
                    throw new ConnectionFailedException(
                            SettingKeys.CONNECTION_TIMEOUT,
                            failed.getMessage() + "; gave up after " + Durations.format(settings.connectionTimeout()),
                            e);
                }
                LOG.info("The database is not reachable yet ({}); trying again", ConnectionFailures.reason(e));
                pause();
            }
        }
    }

    private HikariConfig config(DataSource connections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sequencer");
        config.setDataSource(connections);
        config.setMaximumPoolSize(Math.max(10, settings.orchestratorThreads() + settings.asyncThreads() + 4));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
        config.setInitializationFailTimeout(-1);
        return config;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailedException(
                    SettingKeys.CONNECTION_TIMEOUT, "Interrupted while waiting for the database", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
            connections.closeUnusedProbe();
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return pool().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool().isWrapperFor(type);
    }
}
