package dev.sequencer.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A database for a test of the command line: a new in-memory H2 database, or PostgreSQL when
 * {@code sequencer.test.postgres.url} (system property) or {@code SEQUENCER_TEST_POSTGRES_URL} is set, as the
 * runtime's tests read it. The PostgreSQL tests use a database of their own next to the configured one
 * ({@code <name>_cli}) and start from an empty schema.
 */
record CliDatabase(String url) {

    static final String POSTGRES_URL = "sequencer.test.postgres.url";

    static CliDatabase h2() {
        return new CliDatabase("jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** The configured PostgreSQL URL, if any. */
    static Optional<String> postgresUrl() {
        String url = System.getProperty(POSTGRES_URL, "");
        if (url.isBlank() || url.startsWith("${")) {
            url = System.getenv().getOrDefault(POSTGRES_URL.replace('.', '_').toUpperCase(Locale.ROOT), "");
        }
        return url.isBlank() ? Optional.empty() : Optional.of(url);
    }

    /** An empty PostgreSQL database {@code <configured>_cli} on the configured server. */
    static CliDatabase freshPostgres(String configuredUrl) {
        int path = configuredUrl.indexOf('/', configuredUrl.indexOf("//") + 2);
        int end = path + 1;
        while (end < configuredUrl.length() && "?;&".indexOf(configuredUrl.charAt(end)) < 0) {
            end++;
        }
        String database = configuredUrl.substring(path + 1, end) + "_cli";
        CliDatabase server = new CliDatabase(configuredUrl);
        if (server.count("select count(*) from pg_database where datname = '" + database + "'") == 0) {
            server.execute("create database " + database);
        }
        CliDatabase own =
                new CliDatabase(configuredUrl.substring(0, path + 1) + database + configuredUrl.substring(end));
        own.execute("drop schema public cascade");
        own.execute("create schema public");
        return own;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    long count(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The states recorded for {@code operation}, oldest first. */
    List<String> states(String operation) {
        List<String> states = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select state from sequencer_operations where name = '" + operation + "' order by id")) {
            while (rs.next()) {
                states.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return states;
    }
}
