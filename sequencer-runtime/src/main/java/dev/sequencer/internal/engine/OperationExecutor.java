package dev.sequencer.internal.engine;

import dev.sequencer.ConditionalExecution;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationFactory;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationState;
import dev.sequencer.Rollbackable;
import dev.sequencer.SequencerException;
import dev.sequencer.SkipOperationException;
import dev.sequencer.internal.store.OperationStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one operation and records what happened (SPEC section 5, "Exactly once"): a transactional operation's
 * {@code completed} row is written in its own transaction; a non-transactional one is recorded {@code running} first.
 * A skip or a failure rolls the operation's writes back; a failure also writes an error row.
 */
final class OperationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(OperationExecutor.class);

    private final DataSource dataSource;
    private final OperationStore store;
    private final OperationFactory factory;
    private final String owner;

    OperationExecutor(DataSource dataSource, OperationStore store, OperationFactory factory, String owner) {
        this.dataSource = dataSource;
        this.store = store;
        this.factory = factory;
        this.owner = owner;
    }

    Execution execute(OperationDescriptor op, int attempt) {
        Instant started = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            return op.transactional()
                    ? transactional(c, op, attempt, started)
                    : nonTransactional(c, op, attempt, started);
        } catch (SQLException e) {
            throw new SequencerException(
                    "Operation " + op.name() + ": recording its outcome failed: " + e.getMessage()
                            + " (the database is unavailable or the history table is damaged; nothing was recorded"
                            + " for this attempt, so it stays pending)",
                    e);
        }
    }

    private Execution transactional(Connection c, OperationDescriptor op, int attempt, Instant started)
            throws SQLException {
        c.setAutoCommit(false);
        OperationHandler handler = null;
        try {
            handler = instantiate(op);
            RunContext ctx = new RunContext(c, dataSource, op, attempt);
            String skip = skipReason(handler, ctx);
            if (skip == null) {
                handler.handle(ctx);
                Instant finished = Instant.now();
                store.insert(
                        c, op.name(), op.className(), OperationState.COMPLETED, attempt, null, null, started, finished);
                c.commit();
                return new Execution(
                        OperationState.COMPLETED, handler, null, null, Duration.between(started, finished));
            }
            return skipped(c, op, attempt, started, handler, skip);
        } catch (SkipOperationException e) {
            return skipped(c, op, attempt, started, handler, e.reason());
        } catch (Exception | LinkageError | AssertionError e) {
            rollbackQuietly(c, op);
            Instant finished = Instant.now();
            long id = store.insert(
                    c, op.name(), op.className(), OperationState.FAILED, attempt, null, message(e), started, finished);
            store.insertError(c, id, e, finished);
            c.commit();
            return new Execution(OperationState.FAILED, handler, message(e), e, Duration.between(started, finished));
        } finally {
            restoreAutoCommit(c);
        }
    }

    private Execution skipped(
            Connection c, OperationDescriptor op, int attempt, Instant started, OperationHandler h, String reason)
            throws SQLException {
        rollbackQuietly(c, op);
        Instant finished = Instant.now();
        store.insert(c, op.name(), op.className(), OperationState.SKIPPED, attempt, null, reason, started, finished);
        c.commit();
        return new Execution(OperationState.SKIPPED, h, reason, null, Duration.between(started, finished));
    }

    private Execution nonTransactional(Connection c, OperationDescriptor op, int attempt, Instant started)
            throws SQLException {
        c.setAutoCommit(true);
        long id =
                store.insert(c, op.name(), op.className(), OperationState.RUNNING, attempt, owner, null, started, null);
        OperationHandler handler = null;
        OperationState state;
        String reason = null;
        Throwable error = null;
        try {
            handler = instantiate(op);
            RunContext ctx = new RunContext(c, dataSource, op, attempt);
            reason = skipReason(handler, ctx);
            if (reason == null) {
                handler.handle(ctx);
                state = OperationState.COMPLETED;
            } else {
                state = OperationState.SKIPPED;
            }
        } catch (SkipOperationException e) {
            state = OperationState.SKIPPED;
            reason = e.reason();
        } catch (Exception | LinkageError | AssertionError e) {
            state = OperationState.FAILED;
            reason = message(e);
            error = e;
        }
        restoreAutoCommit(c);
        Instant finished = Instant.now();
        store.finish(c, id, state, reason, started, finished);
        if (error != null) {
            store.insertError(c, id, error, finished);
        }
        return new Execution(state, handler, reason, error, Duration.between(started, finished));
    }

    /** Calls {@code rollback()} of a completed operation in a transaction and records {@code rolled_back}. */
    Execution rollBack(OperationDescriptor op, OperationHandler handler, int attempt, String why) {
        Instant started = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ((Rollbackable) handler).rollback(new RunContext(c, dataSource, op, attempt));
                Instant finished = Instant.now();
                store.insert(
                        c,
                        op.name(),
                        op.className(),
                        OperationState.ROLLED_BACK,
                        attempt,
                        null,
                        why,
                        started,
                        finished);
                c.commit();
                return new Execution(
                        OperationState.ROLLED_BACK, handler, why, null, Duration.between(started, finished));
            } catch (Exception e) {
                rollbackQuietly(c, op);
                LOG.error(
                        "Rolling back operation {} failed; it stays completed. Undo its effect by hand.", op.name(), e);
                return new Execution(
                        OperationState.COMPLETED, handler, message(e), e, Duration.between(started, Instant.now()));
            } finally {
                restoreAutoCommit(c);
            }
        } catch (SQLException e) {
            LOG.error("Rolling back operation {} failed: no connection", op.name(), e);
            return new Execution(OperationState.COMPLETED, handler, message(e), e, Duration.ZERO);
        }
    }

    private OperationHandler instantiate(OperationDescriptor op) throws Exception {
        if (op.constructible()) {
            return op.source().newInstance();
        }
        if (factory == null) {
            throw new SequencerException(
                    "Operation " + op.name() + " has no accessible no-argument constructor and"
                            + " no OperationFactory is configured; configure one with Sequencer.configure().operationFactory(...)");
        }
        return factory.create(op.source().type());
    }

    private static String skipReason(OperationHandler handler, RunContext ctx) throws Exception {
        if (handler instanceof ConditionalExecution conditional && !conditional.shouldRun(ctx)) {
            String reason = conditional.skipReason();
            return reason == null || reason.isBlank() ? "shouldRun() returned false" : reason;
        }
        return null;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void rollbackQuietly(Connection c, OperationDescriptor op) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            LOG.warn("Rolling back the transaction of operation {} failed", op.name(), e);
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("Restoring auto-commit failed", e);
        }
    }
}
