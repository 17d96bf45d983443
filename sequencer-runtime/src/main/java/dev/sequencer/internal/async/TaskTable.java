package dev.sequencer.internal.async;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import dev.sequencer.internal.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * db-scheduler's table, {@code <prefix>scheduled_tasks}, with the columns its {@code JdbcTaskRepository} uses
 * (including {@code priority}, unused by Sequencer). Timestamps are stored in UTC ({@code alwaysPersistTimestampInUTC}).
 */
final class TaskTable {

    private final Dialect dialect;
    private final String name;

    TaskTable(Dialect dialect, String tablePrefix) {
        this.dialect = dialect;
        this.name = tablePrefix + "scheduled_tasks";
    }

    String name() {
        return name;
    }

    /** Creates the table if absent, on an auto-commit connection (MySQL commits DDL implicitly). */
    void createIfAbsent(Connection c) throws SQLException {
        String ts = switch (dialect) {
            case POSTGRESQL -> "timestamp with time zone";
            case MYSQL -> "datetime(6)";
            default -> "timestamp(6)";
        };
        String bytes = switch (dialect) {
            case POSTGRESQL -> "bytea";
            case MYSQL -> "mediumblob";
            default -> "blob";
        };
        String mysqlIndexes = dialect == Dialect.MYSQL
                ? ", index " + name + "_exec_idx (execution_time), index " + name + "_hb_idx (last_heartbeat)"
                : "";
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists " + name + " ("
                    + "task_name varchar(100) not null, "
                    + "task_instance varchar(255) not null, "
                    + "task_data " + bytes + ", "
                    + "execution_time " + ts + " not null, "
                    + "picked boolean not null, "
                    + "picked_by varchar(50), "
                    + "last_success " + ts + " null, "
                    + "last_failure " + ts + " null, "
                    + "consecutive_failures integer, "
                    + "last_heartbeat " + ts + " null, "
                    + "version bigint not null, "
                    + "priority smallint, "
                    + "primary key (task_name, task_instance)" + mysqlIndexes + ")" + dialect.tableOptions());
            if (dialect != Dialect.MYSQL) {
                s.execute("create index if not exists " + name + "_exec_idx on " + name + " (execution_time)");
                s.execute("create index if not exists " + name + "_hb_idx on " + name + " (last_heartbeat)");
            }
        }
    }

    /** Whether the table exists, asked with a query (identifier case differs between databases). */
    boolean exists(Connection c) {
        try (Statement s = c.createStatement()) {
            s.executeQuery("select 1 from " + name + " where 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Whether any task of {@code taskNames} is picked by a worker or due at or before {@code deadline}; false when the
     * table does not exist. {@code customization} writes the instant the way db-scheduler stores it.
     */
    boolean busyBefore(Connection c, Set<String> taskNames, Instant deadline, JdbcCustomization customization)
            throws SQLException {
        if (!exists(c)) {
            return false;
        }
        String names = String.join(", ", taskNames.stream().map(n -> "?").toList());
        try (PreparedStatement ps = c.prepareStatement("select count(*) from " + name + " where task_name in (" + names
                + ") and (picked = ? or execution_time <= ?)")) {
            int i = 1;
            for (String taskName : taskNames) {
                ps.setString(i++, taskName);
            }
            ps.setBoolean(i++, true);
            customization.setInstant(ps, i, deadline);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The instance ids of {@code taskName}; empty when the table does not exist. */
    Set<String> instances(Connection c, String taskName) throws SQLException {
        Set<String> ids = new HashSet<>();
        if (!exists(c)) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement("select task_instance from " + name + " where task_name = ?")) {
            ps.setString(1, taskName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
