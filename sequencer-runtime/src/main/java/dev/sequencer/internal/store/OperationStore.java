package dev.sequencer.internal.store;

import dev.sequencer.OperationAttempt;
import dev.sequencer.OperationState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history tables: {@code <prefix>operations}, one row per attempt (the newest row of a name is its state), and
 * {@code <prefix>operation_errors}, one row per failure. Modelled on Flyway's schema history table; the caller owns
 * connections and transactions.
 */
public final class OperationStore {

    private static final int REASON_LENGTH = 2000;

    private final Dialect dialect;
    private final String operations;
    private final String errors;

    public OperationStore(Dialect dialect, String tablePrefix) {
        this.dialect = dialect;
        this.operations = tablePrefix + "operations";
        this.errors = tablePrefix + "operation_errors";
    }

    public String operationsTable() {
        return operations;
    }

    public String errorsTable() {
        return errors;
    }

    /** Creates the tables if absent (two cheap probes when they exist). Call under the Sequencer lock. */
    public void createTablesIfAbsent(Connection c) throws SQLException {
        if (exists(c, operations) && exists(c, errors)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists " + operations + " ("
                    + "id " + dialect.identityColumn() + ", "
                    + "name varchar(191) not null, "
                    + "state varchar(20) not null, "
                    + "class_name varchar(500), "
                    + "attempt integer not null, "
                    + "owner varchar(200), "
                    + "reason varchar(" + REASON_LENGTH + "), "
                    + "started_at " + dialect.timestampType() + " not null, "
                    + "finished_at " + dialect.timestampType() + " null, "
                    + "duration_ms bigint)" + dialect.tableOptions());
            s.execute("create index if not exists " + operations + "_name_idx on " + operations + " (name, id)");
            s.execute("create table if not exists " + errors + " ("
                    + "id " + dialect.identityColumn() + ", "
                    + "operation_id bigint not null, "
                    + "exception_class varchar(500) not null, "
                    + "message " + dialect.textType() + ", "
                    + "stack_trace " + dialect.textType() + ", "
                    + "created_at " + dialect.timestampType() + " not null)" + dialect.tableOptions());
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** The newest row of every operation name; empty when the table does not exist yet. */
    public Map<String, HistoryRow> latest(Connection c) throws SQLException {
        if (!exists(c, operations)) {
            return Map.of();
        }
        Map<String, HistoryRow> rows = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(newestRows(""))) {
            while (rs.next()) {
                HistoryRow row = row(rs);
                rows.put(row.name(), row);
            }
        }
        return rows;
    }

    /** The newest row of {@code name}, or {@code null} when it has none. */
    public HistoryRow newest(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(newestRows(" where name = ?"))) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private String newestRows(String where) {
        return "select o.id, o.name, o.state, o.owner, o.reason, o.started_at, o.finished_at, m.attempts, o.attempt,"
                + " o.class_name"
                + " from " + operations + " o join (select name, max(id) as max_id, count(*) as attempts from "
                + operations + where + " group by name) m on o.id = m.max_id";
    }

    private static HistoryRow row(ResultSet rs) throws SQLException {
        return new HistoryRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(10),
                OperationState.fromDb(rs.getString(3)),
                rs.getInt(8),
                rs.getInt(9),
                rs.getString(4),
                rs.getString(5),
                instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)));
    }

    /** Every row of {@code name}, oldest first, each with its error row where it has one. */
    public List<OperationAttempt> attempts(Connection c, String name) throws SQLException {
        List<OperationAttempt> rows = new ArrayList<>();
        if (!exists(c, operations)) {
            return rows;
        }
        String sql = "select o.id, o.state, o.attempt, o.owner, o.reason, o.started_at, o.finished_at,"
                + " e.exception_class, e.message, e.stack_trace from " + operations + " o left join " + errors
                + " e on e.operation_id = o.id where o.name = ? order by o.id, e.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (!rows.isEmpty() && rows.get(rows.size() - 1).id() == id) {
                        continue; // one error row per attempt; keep the first
                    }
                    String exceptionClass = rs.getString(8);
                    rows.add(new OperationAttempt(
                            id,
                            name,
                            OperationState.fromDb(rs.getString(2)),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getString(5),
                            instant(rs.getTimestamp(6)),
                            instant(rs.getTimestamp(7)),
                            exceptionClass == null
                                    ? null
                                    : new OperationAttempt.Error(exceptionClass, rs.getString(9), rs.getString(10))));
                }
            }
        }
        return rows;
    }

    /**
     * Closes out a {@code running} row whose run or worker is gone as {@code failed} with {@code reason}; returns
     * whether it was still {@code running}.
     */
    public boolean closeInterrupted(Connection c, HistoryRow row, String reason) throws SQLException {
        String sql = "update " + operations
                + " set state = ?, reason = ?, finished_at = ?, duration_ms = ? where id = ? and state = ?";
        Instant now = Instant.now();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, OperationState.FAILED.dbValue());
            ps.setString(2, truncate(reason));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setLong(
                    4,
                    row.startedAt() == null
                            ? 0
                            : now.toEpochMilli() - row.startedAt().toEpochMilli());
            ps.setLong(5, row.id());
            ps.setString(6, OperationState.RUNNING.dbValue());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Adds a row and returns its id, or {@code -1} for a final row ({@code completed}, {@code skipped},
     * {@code rolled_back}): nothing refers to those, and not asking for generated keys keeps the statement as cheap as
     * a plain insert (PostgreSQL would otherwise return every column).
     */
    public long insert(Connection c, Attempt row) throws SQLException {
        boolean wantId = !row.state().isFinal() && row.state() != OperationState.ROLLED_BACK;
        try (PreparedStatement ps = wantId
                ? c.prepareStatement(insertSql(), Statement.RETURN_GENERATED_KEYS)
                : c.prepareStatement(insertSql())) {
            bind(ps, row);
            ps.executeUpdate();
            if (!wantId) {
                return -1;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No id was generated for the new row of " + row.name());
                }
                return keys.getLong(1);
            }
        }
    }

    /** Adds {@code rows} with one JDBC batch, on {@code c} (the caller commits); their ids are not read. */
    public void insertAll(Connection c, List<Attempt> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql())) {
            for (Attempt row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private String insertSql() {
        return "insert into " + operations
                + " (name, state, class_name, attempt, owner, reason, started_at, finished_at, duration_ms)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static void bind(PreparedStatement ps, Attempt row) throws SQLException {
        ps.setString(1, row.name());
        ps.setString(2, row.state().dbValue());
        ps.setString(3, row.className());
        ps.setInt(4, row.attempt());
        ps.setString(5, row.owner());
        ps.setString(6, truncate(row.reason()));
        ps.setTimestamp(7, Timestamp.from(row.startedAt()));
        ps.setTimestamp(8, row.finishedAt() == null ? null : Timestamp.from(row.finishedAt()));
        if (row.finishedAt() == null) {
            ps.setNull(9, Types.BIGINT);
        } else {
            ps.setLong(9, row.finishedAt().toEpochMilli() - row.startedAt().toEpochMilli());
        }
    }

    /** Adds a {@code failed} row and the error row of {@code error}, on {@code c} (the caller commits). */
    public void insertFailure(Connection c, Attempt row, Throwable error) throws SQLException {
        long id = insert(c, row);
        insertError(c, id, error, row.finishedAt());
    }

    /** Moves an existing row (a {@code running} one) to its final state. */
    public void finish(
            Connection c, long id, OperationState state, String reason, Instant startedAt, Instant finishedAt)
            throws SQLException {
        String sql =
                "update " + operations + " set state = ?, reason = ?, finished_at = ?, duration_ms = ? where id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state.dbValue());
            ps.setString(2, truncate(reason));
            ps.setTimestamp(3, Timestamp.from(finishedAt));
            ps.setLong(4, finishedAt.toEpochMilli() - startedAt.toEpochMilli());
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    /**
     * Claims an operation for one attempt inside the attempt's transaction: locks the history row a worker saw as
     * newest ({@code newestId}) and checks that no row was written after it. Two workers that both picked the task
     * (a revived execution of a worker that is still alive) serialise on the lock, and the second sees the first's
     * committed row and gives up.
     *
     * @return whether {@code newestId} is still the newest row of {@code name}
     */
    public boolean claim(Connection c, String name, long newestId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select id from " + operations + " where id = ? for update")) {
            lock.setLong(1, newestId);
            lock.executeQuery().close();
        }
        try (PreparedStatement newer =
                c.prepareStatement("select id from " + operations + " where name = ? and id > ? for update")) {
            newer.setString(1, name);
            newer.setLong(2, newestId);
            try (ResultSet rs = newer.executeQuery()) {
                return !rs.next();
            }
        }
    }

    /**
     * Locks the history row {@code id} in the caller's transaction without waiting, for a decision that must not race
     * a worker's attempt (which holds that lock while it runs, see {@link #claim}).
     *
     * @return {@code null} when locked, or the database's reason why the row is busy
     */
    public String lockUnlessBusy(Connection c, long id) throws SQLException {
        Savepoint before = dialect == Dialect.POSTGRESQL ? c.setSavepoint() : null; // an error aborts the transaction
        try (PreparedStatement ps =
                c.prepareStatement("select id from " + operations + " where id = ? for update nowait")) {
            ps.setLong(1, id);
            ps.executeQuery().close();
            return null;
        } catch (SQLException busy) {
            if (before != null) {
                c.rollback(before);
            }
            return busy.getMessage();
        }
    }

    /** Adds the error row of a failed attempt. */
    public void insertError(Connection c, long operationId, Throwable error, Instant at) throws SQLException {
        String sql = "insert into " + errors
                + " (operation_id, exception_class, message, stack_trace, created_at) values (?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, operationId);
            ps.setString(2, error.getClass().getName());
            ps.setString(3, error.getMessage());
            ps.setString(4, stackTrace(error));
            ps.setTimestamp(5, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        // Probe with a query rather than metadata: identifier case differs between databases.
        boolean autoCommit = c.getAutoCommit();
        try (Statement s = c.createStatement()) {
            s.executeQuery("select 1 from " + table + " where 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (!autoCommit) {
                c.rollback(); // PostgreSQL aborts the transaction on any error
            }
            return false;
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= REASON_LENGTH ? s : s.substring(0, REASON_LENGTH - 1) + "…";
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String stackTrace(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
