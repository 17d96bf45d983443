package dev.sequencer.internal.engine;

import dev.sequencer.ConditionalExecution;
import dev.sequencer.LifecycleHooks;
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
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one attempt of an operation and records what happened (SPEC section 5, "Exactly once"): a transactional
 * operation's {@code completed} row is written in its own transaction; a non-transactional one is recorded
 * {@code running} first. A skip or a failure rolls the operation's writes back; a failure also writes an error row.
 * Time limits are enforced by {@link TimeLimit}; lifecycle hooks are called on every path.
 */
public final class OperationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(OperationExecutor.class);

    private final DataSource dataSource;
    private final OperationStore store;
    private final OperationFactory factory;
    private final String owner;
    private final String environment;

    public OperationExecutor(
            DataSource dataSource, OperationStore store, OperationFactory factory, String owner, String environment) {
        this.dataSource = dataSource;
        this.store = store;
        this.factory = factory;
        this.owner = owner;
        this.environment = environment;
    }

    /** Runs one attempt on a connection of its own and records it. */
    public Execution execute(OperationDescriptor op, int attempt) {
        return execute(op, attempt, -1);
    }

    /**
     * Runs one attempt as {@link #execute(OperationDescriptor, int)}, first claiming the operation in the attempt's
     * transaction when {@code claimedRowId} is not negative (see {@link OperationStore#claim}); returns
     * {@link Execution#superseded()} when another worker got there first. Asynchronous workers use it; a
     * non-transactional operation cannot be claimed this way.
     */
    public Execution execute(OperationDescriptor op, int attempt, long claimedRowId) {
        Instant started = Instant.now();
        try {
            String mismatch = environmentMismatch(op);
            if (mismatch != null) {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(true);
                    return recordSkip(c, op, attempt, started, mismatch);
                }
            }
            if (!op.transactional()) {
                try (Connection c = dataSource.getConnection()) {
                    return nonTransactional(c, op, attempt, started);
                }
            }
            Duration limit = op.policy().timeout();
            return limit == null
                    ? transactional(op, attempt, started, claimedRowId, TimeLimit.Gate.NONE)
                    : TimeLimit.run(
                            op,
                            limit,
                            gate -> transactional(op, attempt, started, claimedRowId, gate),
                            error -> recordFailure(op, attempt, started, null, error));
        } catch (SQLException e) {
            throw recordingFailed(op, e);
        }
    }

    private Execution transactional(
            OperationDescriptor op, int attempt, Instant started, long claimedRowId, TimeLimit.Gate gate)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            gate.bind(c);
            c.setAutoCommit(false);
            if (claimedRowId >= 0 && !store.claim(c, op.name(), claimedRowId)) {
                rollbackQuietly(c, op);
                return gate.finish() ? Execution.superseded() : null;
            }
            OperationHandler handler = null;
            RunContext ctx = new RunContext(c, dataSource, op, attempt);
            try {
                handler = instantiate(op);
                String skip = skipReason(handler, ctx);
                if (skip != null) {
                    return gate.finish() ? skipIn(c, op, attempt, started, handler, skip) : abandon(c, op);
                }
                hooksBefore(handler, ctx);
                handler.handle(ctx);
                if (!gate.finish()) {
                    return abandon(c, op);
                }
                Instant finished = Instant.now();
                store.insert(
                        c, op.name(), op.className(), OperationState.COMPLETED, attempt, null, null, started, finished);
                c.commit();
                hooksAfter(handler, ctx);
                return new Execution(
                        OperationState.COMPLETED, handler, null, null, Duration.between(started, finished));
            } catch (SkipOperationException e) {
                return gate.finish() ? skipIn(c, op, attempt, started, handler, e.reason()) : abandon(c, op);
            } catch (Exception | LinkageError | AssertionError e) {
                if (!gate.finish()) {
                    return abandon(c, op);
                }
                rollbackQuietly(c, op);
                restoreAutoCommit(c);
                return recordFailure(op, attempt, started, handler, e, c, ctx);
            } finally {
                restoreAutoCommit(c);
            }
        }
    }

    /** The time limit won: undo this attempt's writes; its failure is recorded by {@link TimeLimit}. */
    private static Execution abandon(Connection c, OperationDescriptor op) {
        rollbackQuietly(c, op);
        return null;
    }

    /**
     * Runs an operation inside a batch transaction the caller owns: a savepoint undoes a skipped operation's writes;
     * the {@code completed} row is written but not committed. Failures are returned, not recorded: the caller rolls
     * the whole batch back first.
     */
    Execution executeInBatch(Connection c, OperationDescriptor op, int attempt) throws SQLException {
        Instant started = Instant.now();
        String mismatch = environmentMismatch(op);
        if (mismatch != null) {
            return recordSkip(c, op, attempt, started, mismatch);
        }
        Savepoint savepoint = c.setSavepoint();
        OperationHandler handler = null;
        RunContext ctx = new RunContext(c, dataSource, op, attempt);
        String skip;
        try {
            handler = instantiate(op);
            skip = skipReason(handler, ctx);
            if (skip == null) {
                hooksBefore(handler, ctx);
                handler.handle(ctx);
            }
        } catch (SkipOperationException e) {
            skip = e.reason();
        } catch (Exception | LinkageError | AssertionError e) {
            return new Execution(
                    OperationState.FAILED, handler, message(e), e, Duration.between(started, Instant.now()));
        }
        if (skip != null) {
            c.rollback(savepoint);
        }
        OperationState state = skip == null ? OperationState.COMPLETED : OperationState.SKIPPED;
        Instant finished = Instant.now();
        store.insert(c, op.name(), op.className(), state, attempt, null, skip, started, finished);
        return new Execution(state, handler, skip, null, Duration.between(started, finished));
    }

    /** Records a failed attempt (and its error row) in a transaction of its own. */
    Execution recordFailure(
            OperationDescriptor op, int attempt, Instant started, OperationHandler handler, Throwable e) {
        try (Connection c = dataSource.getConnection()) {
            return recordFailure(op, attempt, started, handler, e, c, new RunContext(c, dataSource, op, attempt));
        } catch (SQLException sql) {
            sql.addSuppressed(e);
            throw recordingFailed(op, sql);
        }
    }

    private Execution recordFailure(
            OperationDescriptor op,
            int attempt,
            Instant started,
            OperationHandler handler,
            Throwable e,
            Connection c,
            RunContext ctx)
            throws SQLException {
        c.setAutoCommit(false);
        Instant finished = Instant.now();
        long id = store.insert(
                c, op.name(), op.className(), OperationState.FAILED, attempt, null, message(e), started, finished);
        store.insertError(c, id, e, finished);
        c.commit();
        c.setAutoCommit(true);
        hooksFailed(handler, ctx, e);
        return new Execution(OperationState.FAILED, handler, message(e), e, Duration.between(started, finished));
    }

    private Execution skipIn(
            Connection c, OperationDescriptor op, int attempt, Instant started, OperationHandler h, String reason)
            throws SQLException {
        rollbackQuietly(c, op);
        Instant finished = Instant.now();
        store.insert(c, op.name(), op.className(), OperationState.SKIPPED, attempt, null, reason, started, finished);
        c.commit();
        return new Execution(OperationState.SKIPPED, h, reason, null, Duration.between(started, finished));
    }

    /** Records {@code skipped} on {@code c} (committed with it) without running the operation. */
    private Execution recordSkip(Connection c, OperationDescriptor op, int attempt, Instant started, String reason)
            throws SQLException {
        Instant finished = Instant.now();
        store.insert(c, op.name(), op.className(), OperationState.SKIPPED, attempt, null, reason, started, finished);
        return new Execution(OperationState.SKIPPED, null, reason, null, Duration.between(started, finished));
    }

    /** Why {@code op} does not run here ({@code @Environments}), or {@code null} when it does. */
    private String environmentMismatch(OperationDescriptor op) {
        if (op.policy().runsIn(environment)) {
            return null;
        }
        return "runs only in " + op.policy().environments() + "; sequencer.environment is "
                + (environment == null ? "not set" : "'" + environment + "'");
    }

    private Execution nonTransactional(Connection c, OperationDescriptor op, int attempt, Instant started)
            throws SQLException {
        c.setAutoCommit(true);
        long id =
                store.insert(c, op.name(), op.className(), OperationState.RUNNING, attempt, owner, null, started, null);
        OperationHandler handler = null;
        RunContext ctx = new RunContext(c, dataSource, op, attempt);
        OperationState state;
        String reason = null;
        Throwable error = null;
        try {
            handler = instantiate(op);
            reason = skipReason(handler, ctx);
            if (reason == null) {
                hooksBefore(handler, ctx);
                OperationHandler running = handler;
                TimeLimit.runInterrupting(op, op.policy().timeout(), () -> running.handle(ctx));
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
            hooksFailed(handler, ctx, error);
        } else if (state == OperationState.COMPLETED) {
            hooksAfter(handler, ctx);
        }
        return new Execution(state, handler, reason, error, Duration.between(started, finished));
    }

    /** Runs {@code handle} in a transaction without recording anything (execute without recording). */
    public Execution executeUnrecorded(OperationDescriptor op) {
        Instant started = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            OperationHandler handler = instantiate(op);
            RunContext ctx = new RunContext(c, dataSource, op, 0);
            try {
                hooksBefore(handler, ctx);
                handler.handle(ctx);
                c.commit();
                hooksAfter(handler, ctx);
                return new Execution(
                        OperationState.COMPLETED, handler, null, null, Duration.between(started, Instant.now()));
            } catch (Exception e) {
                rollbackQuietly(c, op);
                hooksFailed(handler, ctx, e);
                return new Execution(
                        OperationState.FAILED, handler, message(e), e, Duration.between(started, Instant.now()));
            } finally {
                restoreAutoCommit(c);
            }
        } catch (Exception e) {
            throw new SequencerException("Operation " + op.name() + " could not be run: " + message(e), e);
        }
    }

    /** Calls {@code rollback()} of a completed operation in a transaction and records {@code rolled_back}. */
    Execution rollBack(OperationDescriptor op, OperationHandler handler, int attempt, String why) {
        Instant started = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                OperationHandler target = handler != null ? handler : instantiate(op);
                if (!(target instanceof Rollbackable rollbackable)) {
                    throw new NotRollbackable("Operation " + op.name() + " (" + op.className()
                            + ") does not implement Rollbackable; nothing was rolled back");
                }
                rollbackable.rollback(new RunContext(c, dataSource, op, attempt));
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
                        OperationState.ROLLED_BACK, target, why, null, Duration.between(started, finished));
            } catch (NotRollbackable e) {
                return new Execution(OperationState.COMPLETED, handler, e.getMessage(), e, Duration.ZERO);
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

    /** Asked to roll back an operation that cannot be. */
    private static final class NotRollbackable extends SequencerException {
        private static final long serialVersionUID = 1L;

        NotRollbackable(String message) {
            super(message);
        }
    }

    OperationHandler instantiate(OperationDescriptor op) throws Exception {
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

    private static void hooksBefore(OperationHandler handler, RunContext ctx) throws Exception {
        if (handler instanceof LifecycleHooks hooks) {
            hooks.before(ctx);
        }
    }

    private static void hooksAfter(OperationHandler handler, RunContext ctx) {
        if (handler instanceof LifecycleHooks hooks) {
            try {
                hooks.after(ctx);
            } catch (Exception e) {
                LOG.warn("after() of operation {} failed; the operation stays completed", ctx.name(), e);
            }
        }
    }

    private static void hooksFailed(OperationHandler handler, RunContext ctx, Throwable error) {
        if (handler instanceof LifecycleHooks hooks) {
            try {
                hooks.failed(ctx, error);
            } catch (Exception e) {
                LOG.warn("failed() of operation {} threw", ctx.name(), e);
            }
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static SequencerException recordingFailed(OperationDescriptor op, SQLException e) {
        return new SequencerException(
                "Operation " + op.name() + ": recording its outcome failed: " + e.getMessage()
                        + " (the database is unavailable or the history table is damaged; check the connection and run"
                        + " again)",
                e);
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
            if (!c.isClosed()) {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("Restoring auto-commit failed", e);
        }
    }
}
