package dev.sequencer.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A database of the asynchronous tests' own: H2 (a new in-memory database), and on the servers configured for
 * {@link TestDatabase} a database named {@value #NAME} next to the configured one, created if absent, because other
 * suites drop every table of the configured database at any time. {@link #fresh()} empties it.
 */
public record IsolatedDatabase(String name, String url) {

    public static final String NAME = "seq_async";
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z]+://[^/]+/)([^?;]*)(.*)$");

    /** H2, and PostgreSQL / MariaDB when configured. */
    public static Stream<IsolatedDatabase> all() {
        List<IsolatedDatabase> dbs = new ArrayList<>();
        dbs.add(h2());
        postgres().ifPresent(dbs::add);
        mariadb().ifPresent(dbs::add);
        return dbs.stream();
    }

    /** The configured servers only. */
    public static Stream<IsolatedDatabase> servers() {
        return all().filter(db -> !db.name().equals("h2"));
    }

    public static IsolatedDatabase h2() {
        return new IsolatedDatabase("h2", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    public static Optional<IsolatedDatabase> postgres() {
        return TestDatabase.postgres().map(db -> isolate(db, "postgresql"));
    }

    public static Optional<IsolatedDatabase> mariadb() {
        return TestDatabase.mariadb().map(db -> isolate(db, "mariadb"));
    }

    private static IsolatedDatabase isolate(TestDatabase shared, String name) {
        Matcher m = SERVER_URL.matcher(shared.url());
        if (!m.matches()) {
            throw new IllegalStateException("Cannot derive a database URL from the configured " + name + " URL");
        }
        try (Connection c = shared.connect();
                Statement s = c.createStatement()) {
            if (name.equals("postgresql")) {
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + NAME + "'")) {
                    if (!rs.next()) {
                        try {
                            s.execute("create database " + NAME);
                        } catch (SQLException e) {
                            // another JVM created it in the meantime
                        }
                    }
                }
            } else {
                s.execute("create database if not exists " + NAME);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create database " + NAME + " on " + name + ": " + e.getMessage(), e);
        }
        return new IsolatedDatabase(name, m.group(1) + NAME + m.group(3));
    }

    /** Drops everything in it; returns the database to use (a new one for H2). */
    public IsolatedDatabase fresh() {
        if (name.equals("h2")) {
            return h2();
        }
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            if (name.equals("postgresql")) {
                s.execute("drop schema public cascade");
                s.execute("create schema public");
            } else {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(
                        "select table_name from information_schema.tables where table_schema = database()")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                s.execute("set foreign_key_checks = 0");
                for (String t : tables) {
                    s.execute("drop table if exists `" + t + "`");
                }
                s.execute("set foreign_key_checks = 1");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty " + name + ": " + e.getMessage(), e);
        }
        return this;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Runs a query returning one number. */
    public long count(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query returning strings, one per row (first column). */
    public List<String> strings(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The states of {@code operation}'s rows, oldest first. */
    public List<String> states(String operation) {
        return strings("select state from sequencer_operations where name = '" + operation + "' order by id");
    }

    @Override
    public String toString() {
        return name;
    }
}
