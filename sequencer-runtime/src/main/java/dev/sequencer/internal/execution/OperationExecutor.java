package dev.sequencer.internal.execution;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationState;
import dev.sequencer.internal.store.Attempt;
import dev.sequencer.internal.store.OperationStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Executes one attempt of an operation and records what happened. A transactional operation runs on one connection
 * in one transaction with its {@code completed} row; a non-transactional one is recorded {@code running} first. On
 * every path the same protocol holds, whatever the operation throws (an {@link Error} included): roll the
 * operation's work back first, then record {@code failed} with an error row on a connection of its own, then tell
 * the caller, who decides what to rethrow. The operation sees its connection through {@link OperationConnection}.
 */
public final class OperationExecutor {

    private final DataSource dataSource;
    private final OperationStore store;
    private final Instantiation instantiation;
    private final String owner;
    private final String environment;
    private final AttemptRecorder recorder;
    private final Listeners listeners;

    public OperationExecutor(
            DataSource dataSource,
            OperationStore store,
            Instantiation instantiation,
            String owner,
            String environment,
            Listeners listeners) {
        this.dataSource = dataSource;
        this.listeners = listeners;
        this.store = store;
        this.instantiation = instantiation;
        this.owner = owner;
        this.environment = environment;
        this.recorder = new AttemptRecorder(dataSource, store);
    }

    /** Runs one attempt on a connection of its own and records it. */
    public Execution execute(OperationDescriptor op, int attempt) {
        return execute(op, attempt, -1);
    }

    /**
     * Runs one attempt as {@link #execute(OperationDescriptor, int)}, first claiming the operation in the attempt's
     * transaction when {@code claimedRowId} is not negative (see {@link OperationStore#claim}); returns a
     * {@link Execution.Outcome#SUPERSEDED superseded} execution when another worker got there first. Asynchronous
     * workers use it; a non-transactional operation cannot be claimed this way.
     */
    public Execution execute(OperationDescriptor op, int attempt, long claimedRowId) {
        Instant started = Instant.now();
        String mismatch = environmentMismatch(op);
        if (mismatch != null) {
            return recorder.skipWithoutRunning(op, attempt, started, mismatch);
        }
        return op.transactional()
                ? transactional(op, attempt, started, claimedRowId)
                : nonTransactional(op, attempt, started);
    }

    private Execution transactional(OperationDescriptor op, int attempt, Instant started, long claimedRowId) {
        Connection c = recorder.connect(op);
        OperationConnection guarded = OperationConnection.transactional(c, op.name(), Set.of());
        HandlerCall call = new HandlerCall(op, instantiation, context(guarded, op, attempt));
        try {
            c.setAutoCommit(false);
            if (claimedRowId >= 0 && !store.claim(c, op.name(), claimedRowId)) {
                c.rollback();
                return Execution.superseded();
            }
            String skip = TimeLimit.run(op, c, guarded, true, call::run);
            if (skip != null) {
                c.rollback();
                store.insert(c, Attempt.ended(op, OperationState.SKIPPED, attempt, skip, started));
                c.commit();
                return Execution.of(OperationState.SKIPPED, call.handler(), skip, null, started);
            }
            store.insert(c, Attempt.ended(op, OperationState.COMPLETED, attempt, null, started));
            c.commit();
        } catch (Throwable failure) {
            Transactions.rollBack(c, failure);
            Transactions.close(c, failure);
            return recorder.failed(op, attempt, started, call, failure);
        }
        Transactions.close(c, null);
        call.completed();
        return Execution.of(OperationState.COMPLETED, call.handler(), null, null, started);
    }

    private Execution nonTransactional(OperationDescriptor op, int attempt, Instant started) {
        Connection c = recorder.connect(op);
        long id;
        try {
            c.setAutoCommit(true);
            id = store.insert(c, Attempt.open(op, OperationState.RUNNING, attempt, owner, null, started));
        } catch (Throwable failure) {
            Transactions.close(c, failure);
            throw recorder.notRecorded(op, failure);
        }
        OperationConnection plain = OperationConnection.plain(c, op.name());
        HandlerCall call = new HandlerCall(op, instantiation, context(plain, op, attempt));
        String skip;
        try {
            skip = TimeLimit.run(op, c, plain, false, call::run);
            Transactions.commitLeftOpen(c); // a transaction it opened itself and left open commits with its success
        } catch (Throwable failure) {
            Transactions.rollBack(c, failure);
            Transactions.close(c, failure);
            return recorder.failedRunning(op, id, attempt, started, call, failure);
        }
        Transactions.close(c, null);
        OperationState state = skip == null ? OperationState.COMPLETED : OperationState.SKIPPED;
        Execution done = recorder.finishRunning(op, id, state, skip, started, call);
        if (done.outcome() == Execution.Outcome.COMPLETED) {
            call.completed();
        }
        return done;
    }

    /** An operation run inside a transactional batch; its hooks run once the batch has ended. */
    public static final class InBatch {
        private final Execution execution;
        private final HandlerCall call;
        private final Instant started;

        InBatch(Execution execution, HandlerCall call, Instant started) {
            this.execution = execution;
            this.call = call;
            this.started = started;
        }

        /** How it ended inside the batch (not committed yet). */
        public Execution execution() {
            return execution;
        }

        /** The same operation, failed by {@code cause} (the batch it ran in failed). */
        public InBatch failedBy(Throwable cause) {
            return new InBatch(
                    new Execution(
                            Execution.Outcome.FAILED,
                            execution.handler(),
                            Execution.message(cause),
                            cause,
                            execution.elapsed()),
                    call,
                    started);
        }

        /** Tells the operation it completed, once the batch has committed. */
        public void completed() {
            if (call != null) {
                call.completed();
            }
        }
    }

    /**
     * Runs an operation inside a batch transaction the caller owns, behind a savepoint of its own: a skip or a failure
     * rolls back to it, so the operation's neighbours keep their work. A completed or skipped row is written in the
     * batch transaction (not committed); a failure is returned, not recorded: the caller decides whether the whole
     * batch rolls back, then records it. Retries and time limits do not apply inside a batch.
     */
    public InBatch executeInBatch(Connection c, OperationDescriptor op, int attempt) throws SQLException {
        Instant started = Instant.now();
        String mismatch = environmentMismatch(op);
        if (mismatch != null) {
            store.insert(c, Attempt.ended(op, OperationState.SKIPPED, attempt, mismatch, started));
            return new InBatch(Execution.of(OperationState.SKIPPED, null, mismatch, null, started), null, started);
        }
        Savepoint savepoint = c.setSavepoint();
        OperationConnection guarded = OperationConnection.transactional(c, op.name(), Set.of(savepoint));
        HandlerCall call = new HandlerCall(op, instantiation, context(guarded, op, attempt));
        try {
            String skip = call.run();
            if (skip != null) {
                c.rollback(savepoint);
            }
            OperationState state = skip == null ? OperationState.COMPLETED : OperationState.SKIPPED;
            store.insert(c, Attempt.ended(op, state, attempt, skip, started));
            return new InBatch(Execution.of(state, call.handler(), skip, null, started), call, started);
        } catch (Throwable failure) {
            try {
                c.rollback(savepoint);
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e);
            }
            return new InBatch(
                    new Execution(
                            Execution.Outcome.FAILED,
                            call.handler(),
                            Execution.message(failure),
                            failure,
                            Duration.between(started, Instant.now())),
                    call,
                    started);
        }
    }

    /** Records a failed attempt that ran inside a batch (after the batch, or its savepoint, was rolled back). */
    public Execution recordBatchFailure(OperationDescriptor op, int attempt, InBatch failed) {
        return recorder.failed(op, attempt, failed.started, failed.call, failed.execution.error());
    }

    /**
     * Runs {@code handle} in a transaction without recording anything (execute without recording); a failure is
     * returned, its work rolled back.
     */
    public Execution executeUnrecorded(OperationDescriptor op) {
        Instant started = Instant.now();
        Connection c = recorder.connect(op);
        OperationConnection guarded = OperationConnection.transactional(c, op.name(), Set.of());
        HandlerCall call = new HandlerCall(op, instantiation, context(guarded, op, 0));
        try {
            c.setAutoCommit(false);
            String skip = TimeLimit.run(op, c, guarded, true, call::run);
            if (skip != null) {
                c.rollback();
                Transactions.close(c, null);
                return Execution.of(OperationState.SKIPPED, call.handler(), skip, null, started);
            }
            c.commit();
        } catch (Throwable failure) {
            Transactions.rollBack(c, failure);
            Transactions.close(c, failure);
            call.failed(failure);
            return Execution.of(OperationState.FAILED, call.handler(), Execution.message(failure), failure, started);
        }
        Transactions.close(c, null);
        call.completed();
        return Execution.of(OperationState.COMPLETED, call.handler(), null, null, started);
    }

    /** Why {@code op} does not run here ({@code @Environments}), or {@code null} when it does. */
    String environmentMismatch(OperationDescriptor op) {
        if (op.policy().runsIn(environment)) {
            return null;
        }
        return "runs only in " + op.policy().environments() + "; sequencer.environment is "
                + (environment == null ? "not set" : "'" + environment + "'");
    }

    Instantiation instantiation() {
        return instantiation;
    }

    AttemptRecorder recorder() {
        return recorder;
    }

    RunContext context(OperationConnection connection, OperationDescriptor op, int attempt) {
        return new RunContext(connection.connection(), dataSource, op, attempt, listeners);
    }
}
