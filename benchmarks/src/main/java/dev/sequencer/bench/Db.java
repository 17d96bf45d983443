package dev.sequencer.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database for one trial: every trial starts from an empty one (a new H2 in-memory database, or the PostgreSQL
 * schema {@code public} dropped and recreated in the benchmark's own database). Both sides of a comparison get the
 * same kind of pool.
 */
final class Db implements AutoCloseable {

    enum Kind {
        H2,
        POSTGRESQL
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final Kind kind;
    final HikariDataSource dataSource;

    private Db(Kind kind, HikariDataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
    }

    /** A fresh, empty database of {@code kind}. */
    static Db fresh(Kind kind, String postgresUrl) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(
                10); // as the pool Sequencer builds itself; Flyway + the lock + operations need more than 4
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setPoolName("bench-" + COUNTER.incrementAndGet());
        if (kind == Kind.H2) {
            config.setJdbcUrl("jdbc:h2:mem:bench" + COUNTER.get() + ";DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
            config.setPassword("");
        } else {
            config.setJdbcUrl(postgresUrl);
        }
        HikariDataSource ds = new HikariDataSource(config);
        Db db = new Db(kind, ds);
        if (kind == Kind.POSTGRESQL) {
            db.execute("drop schema if exists public cascade", "create schema public");
        }
        return db;
    }

    void execute(String... statements) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String version() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(kind == Kind.H2 ? "select h2version()" : "select version()")) {
            rs.next();
            return (kind == Kind.H2 ? "H2 " : "") + rs.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (kind == Kind.H2) {
            try {
                execute("shutdown"); // frees the in-memory database; the pool then sees its connections closed
            } catch (IllegalStateException expected) {
                // H2 closes the connection that ran shutdown
            }
        }
        dataSource.close();
    }
}
