package dev.sequencer.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real database for a test: H2 always; PostgreSQL and MariaDB when {@code sequencer.test.postgres.url} /
 * {@code sequencer.test.mariadb.url} are set as system properties or as the environment variables
 * {@code SEQUENCER_TEST_POSTGRES_URL} / {@code SEQUENCER_TEST_MARIADB_URL} (.ci/run sets them). {@link #fresh()}
 * empties it.
 */
public record TestDatabase(String name, String url) {

    public static final String POSTGRES_URL = "sequencer.test.postgres.url";
    public static final String MARIADB_URL = "sequencer.test.mariadb.url";

    /** The databases to run a parameterized test on. */
    public static Stream<TestDatabase> all() {
        List<TestDatabase> dbs = new ArrayList<>();
        dbs.add(h2());
        postgres().ifPresent(dbs::add);
        mariadb().ifPresent(dbs::add);
        return dbs.stream();
    }

    /** Only the server databases that are configured. */
    public static Stream<TestDatabase> servers() {
        return all().filter(db -> !db.name().equals("h2"));
    }

    public static TestDatabase h2() {
        return new TestDatabase("h2", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    public static java.util.Optional<TestDatabase> postgres() {
        return configured("postgresql", POSTGRES_URL);
    }

    public static java.util.Optional<TestDatabase> mariadb() {
        return configured("mariadb", MARIADB_URL);
    }

    /** The URL from the system property, else from its environment variable (SEQUENCER_TEST_POSTGRES_URL ...). */
    private static java.util.Optional<TestDatabase> configured(String name, String property) {
        String url = System.getProperty(property, "");
        if (url.isBlank() || url.startsWith("${")) {
            url = System.getenv().getOrDefault(property.replace('.', '_').toUpperCase(java.util.Locale.ROOT), "");
        }
        return url.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(new TestDatabase(name, url));
    }

    /** Drops every table, so the test starts from an empty schema; returns this. H2 databases are new already. */
    public TestDatabase fresh() {
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

    /**
     * A database of its own on the same server, named {@code <configured database>_<suffix>} (for example
     * {@code test_seq_async}), created if absent, so that a test does not share tables with other tests against the
     * configured database, and two checkouts testing against differently named databases never meet. H2 databases
     * are private already: this returns the H2 database itself. Empty it with {@link #fresh()} as usual.
     */
    public TestDatabase isolated(String suffix) {
        if (name.equals("h2")) {
            return this;
        }
        String database = databaseName(url) + "_" + suffix;
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            if (name.equals("postgresql")) {
                boolean exists;
                try (ResultSet rs =
                        s.executeQuery("select count(*) from pg_database where datname = '" + database + "'")) {
                    rs.next();
                    exists = rs.getLong(1) > 0;
                }
                if (!exists) {
                    try {
                        s.execute("create database " + database);
                    } catch (SQLException e) {
                        if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created meanwhile
                            throw e;
                        }
                    }
                }
            } else {
                s.execute("create database if not exists " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create database " + database + " on " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, withDatabase(url, database));
    }

    /** The database name of {@code url}: the path after {@code //host:port/}. */
    static String databaseName(String url) {
        int hostStart = url.indexOf("//");
        int pathStart = hostStart < 0 ? -1 : url.indexOf('/', hostStart + 2);
        if (pathStart < 0) {
            throw new IllegalArgumentException("No database name in the test URL of this server");
        }
        int pathEnd = pathStart + 1;
        while (pathEnd < url.length() && "?;&".indexOf(url.charAt(pathEnd)) < 0) {
            pathEnd++;
        }
        return url.substring(pathStart + 1, pathEnd);
    }

    /** {@code url} with its database name (the path after {@code //host:port/}) replaced by {@code database}. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        int pathStart = hostStart < 0 ? -1 : url.indexOf('/', hostStart + 2);
        if (pathStart < 0) {
            throw new IllegalArgumentException("No database name in the test URL of this server");
        }
        int pathEnd = pathStart + 1;
        while (pathEnd < url.length() && "?;&".indexOf(url.charAt(pathEnd)) < 0) {
            pathEnd++;
        }
        return url.substring(0, pathStart + 1) + database + url.substring(pathEnd);
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

    public void execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
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
