package dev.sequencer.test;

import dev.sequencer.internal.config.PlainDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A new {@link DriverManager} connection to one JDBC URL per {@link #getConnection()}: no pool to close or leak. */
final class UrlDataSource extends PlainDataSource {

    private final String url;
    private final String description;

    /** @param description how to name the database in messages; never the URL, which may hold a password */
    UrlDataSource(String url, String description) {
        this.url = url;
        this.description = description;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public String toString() {
        return "DataSource of the " + description;
    }
}
