package dev.sequencer.internal.async;

import dev.sequencer.internal.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@code <prefix>deferred_tasks}: one row per {@code defer} call, updated by each attempt. States: {@code scheduled}
 * (waiting, possibly after failed attempts), {@code completed}, {@code failed} (attempts exhausted);
 * {@code attempt} counts the attempts made, {@code last_error} holds the newest failure.
 */
final class DeferredStore {

    static final String SCHEDULED = "scheduled";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    private static final int ERROR_LENGTH = 2000;

    private final Dialect dialect;
    private final String name;

    DeferredStore(Dialect dialect, String tablePrefix) {
        this.dialect = dialect;
        this.name = tablePrefix + "deferred_tasks";
    }

    String name() {
        return name;
    }

    /** One deferred task. */
    record Row(String id, String alias, String state, int attempt) {}

    void createIfAbsent(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists " + name + " ("
                    + "id varchar(36) not null primary key, "
                    + "alias varchar(191) not null, "
                    + "state varchar(20) not null, "
                    + "attempt integer not null, "
                    + "last_error varchar(" + ERROR_LENGTH + "), "
                    + "created_at " + dialect.timestampType() + " not null, "
                    + "due_at " + dialect.timestampType() + " not null, "
                    + "finished_at " + dialect.timestampType() + " null)" + dialect.tableOptions());
        }
    }

    void insert(Connection c, String id, String alias, Instant dueAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into " + name + " (id, alias, state, attempt, created_at, due_at) values (?, ?, ?, 0, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, alias);
            ps.setString(3, SCHEDULED);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setTimestamp(5, Timestamp.from(dueAt));
            ps.executeUpdate();
        }
    }

    Row find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select id, alias, state, attempt from " + name + " where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)) : null;
            }
        }
    }

    /** Records attempt {@code attempt}: its state and error ({@code null} on success). */
    void attempted(Connection c, String id, String state, int attempt, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update " + name + " set state = ?, attempt = ?, last_error = ?, finished_at = ? where id = ?")) {
            ps.setString(1, state);
            ps.setInt(2, attempt);
            ps.setString(3, error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH));
            ps.setTimestamp(4, SCHEDULED.equals(state) ? null : Timestamp.from(Instant.now()));
            ps.setString(5, id);
            ps.executeUpdate();
        }
    }
}
