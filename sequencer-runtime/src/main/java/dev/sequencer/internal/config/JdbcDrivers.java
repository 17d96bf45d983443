package dev.sequencer.internal.config;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Connects to a JDBC URL through the driver its prefix names, when that driver is on the class path, instead of
 * {@link DriverManager}, which loads and initializes every driver on the class path first (PostgreSQL's and
 * MariaDB's cost tens of milliseconds at start-up, for an application on H2). Other URLs go to {@link DriverManager}.
 */
final class JdbcDrivers {

    private static final Map<String, String> BY_PREFIX = Map.of(
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:postgresql:", "org.postgresql.Driver",
            "jdbc:mariadb:", "org.mariadb.jdbc.Driver",
            "jdbc:mysql:", "com.mysql.cj.jdbc.Driver");

    private JdbcDrivers() {}

    /** A connection to {@code url}, as {@link DriverManager#getConnection(String, Properties)} would open it. */
    static Connection connect(String url, Properties credentials) throws SQLException {
        return connect(driverFor(url), url, credentials);
    }

    /** A connection through {@code driver} (from {@link #driverFor}), or through DriverManager when it is null. */
    static Connection connect(Driver driver, String url, Properties credentials) throws SQLException {
        if (driver != null) {
            Connection c = driver.connect(url, credentials);
            if (c != null) {
                return c;
            }
        }
        return DriverManager.getConnection(url, credentials);
    }

    /** The driver {@code url}'s prefix names, when it is on the class path; {@code null} otherwise. */
    static Driver driverFor(String url) {
        for (Map.Entry<String, String> e : BY_PREFIX.entrySet()) {
            if (url.startsWith(e.getKey())) {
                for (ClassLoader loader : new ClassLoader[] {
                    Thread.currentThread().getContextClassLoader(), JdbcDrivers.class.getClassLoader()
                }) {
                    try {
                        Class<?> type = Class.forName(e.getValue(), true, loader);
                        return (Driver) type.getDeclaredConstructor().newInstance();
                    } catch (ReflectiveOperationException | LinkageError | ClassCastException notThere) {
                        // try the next loader; DriverManager may still know another driver
                    }
                }
                return null;
            }
        }
        return null;
    }
}
