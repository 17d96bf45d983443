package dev.sequencer.internal.execution;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationFailedException;
import dev.sequencer.OperationState;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.store.Attempt;
import dev.sequencer.internal.store.OperationStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Writes the history rows that do not commit with an operation's work: failures (with their error row), skips
 * decided before the operation runs, and the end of a non-transactional operation's {@code running} row. Each on a
 * connection and in a transaction of its own. When recording fails, the operation's own failure stays the cause of
 * what is thrown, and the message names the operation.
 */
final class AttemptRecorder {

    private final DataSource dataSource;
    private final OperationStore store;

    AttemptRecorder(DataSource dataSource, OperationStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /** A connection for {@code op}; a failure names the operation and says that nothing ran. */
    Connection connect(OperationDescriptor op) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new SequencerException(
                    "Operation " + op.name() + " cannot run: no connection to the database: " + e.getMessage()
                            + " (nothing ran and nothing was recorded; check the database and run again)",
                    e);
        }
    }

    /** Records attempt {@code attempt} of {@code op} {@code failed} with the error row of {@code failure}. */
    Execution failed(OperationDescriptor op, int attempt, Instant started, HandlerCall call, Throwable failure) {
        Attempt row = Attempt.ended(op, OperationState.FAILED, attempt, Execution.message(failure), started);
        record(op, failure, c -> store.insertFailure(c, row, failure));
        if (call != null) {
            call.failed(failure);
        }
        return Execution.of(
                OperationState.FAILED, call == null ? null : call.handler(), row.reason(), failure, started);
    }

    /** Moves the {@code running} row {@code id} to {@code failed}, with the error row of {@code failure}. */
    Execution failedRunning(
            OperationDescriptor op, long id, int attempt, Instant started, HandlerCall call, Throwable failure) {
        String reason = Execution.message(failure);
        record(op, failure, c -> {
            Instant finished = Instant.now();
            store.finish(c, id, OperationState.FAILED, reason, started, finished);
            store.insertError(c, id, failure, finished);
        });
        call.failed(failure);
        return Execution.of(OperationState.FAILED, call.handler(), reason, failure, started);
    }

    /** Moves the {@code running} row {@code id} to {@code state} ({@code completed} or {@code skipped}). */
    Execution finishRunning(
            OperationDescriptor op, long id, OperationState state, String reason, Instant started, HandlerCall call) {
        record(op, null, c -> store.finish(c, id, state, reason, started, Instant.now()));
        return Execution.of(state, call.handler(), reason, null, started);
    }

    /** Records {@code skipped} without running {@code op} (it does not run in this environment). */
    Execution skipWithoutRunning(OperationDescriptor op, int attempt, Instant started, String reason) {
        record(op, null, c -> store.insert(c, Attempt.ended(op, OperationState.SKIPPED, attempt, reason, started)));
        return Execution.of(OperationState.SKIPPED, null, reason, null, started);
    }

    /** What to throw when an attempt could not even be recorded as started: nothing of it ran. */
    SequencerException notRecorded(OperationDescriptor op, Throwable failure) {
        return new SequencerException(
                "Operation " + op.name() + ": recording its start failed: " + Execution.message(failure)
                        + " (it did not run; the database is unavailable or the history table is damaged; check the"
                        + " connection and run again)",
                failure);
    }

    private interface Rows {
        void write(Connection c) throws SQLException;
    }

    /** Writes {@code rows} in one transaction; {@code failure}, if any, is the operation's own failure. */
    private void record(OperationDescriptor op, Throwable failure, Rows rows) {
        Connection c = null;
        Throwable recording = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            rows.write(c);
            c.commit();
        } catch (Throwable e) {
            recording = e;
            if (c != null) {
                Transactions.rollBack(c, e);
            }
        } finally {
            if (c != null) {
                Transactions.close(c, recording);
            }
        }
        if (recording == null) {
            return;
        }
        if (failure == null) {
            throw new SequencerException(
                    "Operation " + op.name() + ": recording its outcome failed: " + Execution.message(recording)
                            + " (the database is unavailable or the history table is damaged; check the connection"
                            + " and run again)",
                    recording);
        }
        OperationFailedException e = new OperationFailedException(
                op.name(),
                "Operation " + op.name() + " failed: " + Execution.message(failure)
                        + "; recording the failure failed too: " + Execution.message(recording)
                        + " (its work was rolled back and nothing was recorded; check the database, then run again)",
                failure);
        e.addSuppressed(recording);
        throw e;
    }
}
