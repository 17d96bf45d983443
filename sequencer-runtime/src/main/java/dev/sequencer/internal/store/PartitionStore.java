package dev.sequencer.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <prefix>partitions}: one row per partition of a {@code @Partitioned} operation, kept across runs so that the
 * next run dispatches only the partitions that are not {@code completed}. States: {@code pending} (waiting for a
 * worker, or for a retry), {@code running}, {@code completed}, {@code failed} (attempts used up). Every write after a
 * dispatch is made while the operation's {@code dispatched} history row is locked ({@link OperationStore#claim}), so
 * partition writes of one operation are serialised and never deadlock; the caller owns connections and transactions.
 */
public final class PartitionStore {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final int KEY_LENGTH = 500;
    private static final int ERROR_LENGTH = 2000;

    private final Dialect dialect;
    private final String table;

    public PartitionStore(Dialect dialect, String tablePrefix) {
        this.dialect = dialect;
        this.table = tablePrefix + "partitions";
    }

    public String name() {
        return table;
    }

    /** One partition. */
    public record Partition(long id, String operation, String key, String state, int attempts, String owner) {}

    /** How far a partitioned operation has come. */
    public record Progress(int completed, int total) {}

    /** Creates the table if absent, on an auto-commit connection. */
    public void createIfAbsent(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists " + table + " ("
                    + "id " + dialect.identityColumn() + ", "
                    + "operation varchar(191) not null, "
                    + "partition_key varchar(" + KEY_LENGTH + ") not null, "
                    + "state varchar(20) not null, "
                    + "attempts integer not null, "
                    + "owner varchar(200), "
                    + "started_at " + dialect.timestampType() + " null, "
                    + "finished_at " + dialect.timestampType() + " null, "
                    + "error varchar(" + ERROR_LENGTH + "))" + dialect.tableOptions());
            s.execute("create index if not exists " + table + "_op_idx on " + table + " (operation, state)");
        }
    }

    /** Stores {@code keys} as {@code pending} partitions of {@code operation}. */
    public void insert(Connection c, String operation, List<String> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into " + table + " (operation, partition_key, state, attempts) values (?, ?, ?, 0)")) {
            for (String key : keys) {
                ps.setString(1, operation);
                ps.setString(2, key);
                ps.setString(3, PENDING);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The partitions of {@code operation}, in the order they were stored. */
    public List<Partition> of(Connection c, String operation) throws SQLException {
        List<Partition> partitions = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("select id, operation, partition_key, state, attempts, owner from " + table
                        + " where operation = ? order by id")) {
            ps.setString(1, operation);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    partitions.add(row(rs));
                }
            }
        }
        return partitions;
    }

    /** The partition {@code id}, or {@code null}. */
    public Partition find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id, operation, partition_key, state, attempts, owner from " + table + " where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    /** Sets every partition of {@code operation} that is not completed back to {@code pending}, attempts 0. */
    public void resetUnfinished(Connection c, String operation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update " + table + " set state = ?, attempts = 0, owner = null,"
                + " error = null, started_at = null, finished_at = null where operation = ? and state <> ?")) {
            ps.setString(1, PENDING);
            ps.setString(2, operation);
            ps.setString(3, COMPLETED);
            ps.executeUpdate();
        }
    }

    /** How many partitions of {@code operation} other than {@code except} are running. */
    public int runningOthers(Connection c, String operation, long except) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from " + table + " where operation = ? and state = ? and id <> ?")) {
            ps.setString(1, operation);
            ps.setString(2, RUNNING);
            ps.setLong(3, except);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Marks partition {@code id} {@code running} for {@code owner}, one more attempt; a {@code running} one is taken
     * over (its worker is gone: its task came back). Returns whether it was pending or running.
     */
    public boolean markRunning(Connection c, long id, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update " + table
                + " set state = ?, owner = ?, attempts = attempts + 1, started_at = ?, finished_at = null"
                + " where id = ? and state in (?, ?)")) {
            ps.setString(1, RUNNING);
            ps.setString(2, owner);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setLong(4, id);
            ps.setString(5, PENDING);
            ps.setString(6, RUNNING);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Marks partition {@code id} {@code completed}, if it is still {@code running} for {@code owner}: false when
     * another worker took it over meanwhile (this attempt must roll back).
     */
    public boolean complete(Connection c, long id, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update " + table
                + " set state = ?, finished_at = ?, error = null where id = ? and state = ? and owner = ?")) {
            ps.setString(1, COMPLETED);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setLong(3, id);
            ps.setString(4, RUNNING);
            ps.setString(5, owner);
            return ps.executeUpdate() == 1;
        }
    }

    /** Records a failed attempt of partition {@code id}: {@code pending} (to be retried) or {@code failed}. */
    public void attemptFailed(Connection c, long id, String state, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update " + table + " set state = ?, owner = null, error = ?, finished_at = ? where id = ?")) {
            ps.setString(1, state);
            ps.setString(2, error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH));
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /**
     * Whether {@code operation} has a partition that is not completed, read with a lock so that it sees what others
     * committed (on MySQL and MariaDB a plain read would see the transaction's old snapshot).
     */
    public boolean anyNotCompleted(Connection c, String operation) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select id from " + table + " where operation = ? and state <> ? for update")) {
            ps.setMaxRows(1);
            ps.setString(1, operation);
            ps.setString(2, COMPLETED);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Completed and total partitions of every partitioned operation; empty when the table does not exist. */
    public Map<String, Progress> progress(Connection c) throws SQLException {
        Map<String, Progress> progress = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select operation, sum(case when state = '" + COMPLETED
                        + "' then 1 else 0 end), count(*) from " + table + " group by operation")) {
            while (rs.next()) {
                progress.put(rs.getString(1), new Progress(rs.getInt(2), rs.getInt(3)));
            }
        } catch (SQLException missing) {
            if (!c.getAutoCommit()) {
                throw missing;
            }
            return Map.of(); // not created yet: no operation was ever partitioned here
        }
        return progress;
    }

    private static Partition row(ResultSet rs) throws SQLException {
        return new Partition(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6));
    }
}
