package dev.sequencer.internal.config;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connections from the JDBC driver for the pool, the first of them being the connection that probed the database: the
 * pool does not connect again right after the probe (a second handshake on a server, a second opening of an embedded
 * database file, which H2 closes with its last connection).
 */
final class ProbedDataSource extends PlainDataSource {

    private final String url;
    private final Driver driver;
    private final Properties credentials;
    private final AtomicReference<Connection> probe;
    private volatile boolean probeTaken;

    ProbedDataSource(String url, Properties credentials, Connection probe) {
        this.url = url;
        this.driver = JdbcDrivers.driverFor(url);
        this.credentials = credentials;
        this.probe = new AtomicReference<>(probe);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection first = probe.getAndSet(null);
        if (first != null && !first.isClosed()) {
            probeTaken = true;
            return first;
        }
        return JdbcDrivers.connect(driver, url, credentials);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Sequencer's pool connects with sequencer.user only");
    }

    /** The pool's connect timeout reaches the drivers as DriverManager's login timeout, which they read. */
    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    /** Whether the pool took the probe as a connection of its own. */
    boolean probeTaken() {
        return probeTaken;
    }

    /** Closes the probe if the pool never took it. */
    void closeUnusedProbe() {
        Connection first = probe.getAndSet(null);
        if (first != null) {
            try {
                first.close();
            } catch (SQLException ignored) {
                // it was never used
            }
        }
    }
}
