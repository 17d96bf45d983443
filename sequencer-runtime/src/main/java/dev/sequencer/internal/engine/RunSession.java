package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationFailedException;
import dev.sequencer.OperationState;
import dev.sequencer.RunEvent;
import dev.sequencer.RunReport;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.execution.OperationExecutor;
import dev.sequencer.internal.execution.OperationRollback;
import dev.sequencer.internal.lock.SequencerLock;
import dev.sequencer.internal.store.HistoryRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of operations under the Sequencer lock: it picks the pending operations that are due, in registry order,
 * and hands them to its {@link Orchestration}, taking each through the {@link RunSteps}; what happened goes into its
 * {@link RunBook}, failures through its {@link Compensation}. Closing it sends the end event and releases the lock.
 */
public final class RunSession implements AutoCloseable, RunSteps {

    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);

    private final Engine engine;
    private final RunOptions options;
    private final SequencerLock lock; // null for a run with nothing to do, which takes none
    private final Orchestration orchestration;
    private final OperationExecutor executor;
    private final RunBook book;
    private final PendingRules rules;
    private final Retries retries;
    private final Compensation compensation;
    private final DispatchBatch dispatches;
    private final Instant startedAt = Instant.now();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private UnappliedMigrations unapplied = UnappliedMigrations.NONE;
    private volatile int executed;
    private volatile boolean started;
    private volatile boolean failed;
    private boolean closed;

    RunSession(
            Engine engine,
            RunOptions options,
            SequencerLock lock,
            Orchestration orchestration,
            Map<String, HistoryRow> history,
            Set<String> tasks) {
        this.engine = engine;
        this.options = options;
        this.lock = lock;
        this.orchestration = orchestration;
        this.executor = engine.executor();
        this.book = new RunBook(history, engine.listeners());
        this.rules = new PendingRules(book.history(), tasks, true, options.repeat());
        this.retries = new Retries(executor);
        this.compensation = new Compensation(new OperationRollback(executor, engine.store()), book);
        this.dispatches = new DispatchBatch(engine::backend, new DispatchBatch.Sink() {
            @Override
            public void dispatched(Backend.Dispatch dispatch, Duration elapsed) {
                booked(dispatch, "", elapsed);
            }

            @Override
            public void dispatchOne(Backend.Dispatch dispatch) {
                RunSession.this.dispatchOne(dispatch);
            }
        });
    }

    /** Whether any selected operation is pending (before anything ran). */
    public boolean hasPending() {
        return engine.registry().stream().anyMatch(this::isPendingSelected);
    }

    /** The migrations this run's migrate leaves unapplied: operations later than them wait. */
    public void unapplied(UnappliedMigrations unapplied) {
        this.unapplied = unapplied;
    }

    /** Runs every pending selected operation for which {@code due} holds, as the orchestration decides. */
    public void runDue(Predicate<OperationDescriptor> due) {
        List<OperationDescriptor> candidates = new ArrayList<>();
        for (OperationDescriptor op : engine.registry()) {
            if (!handled.contains(op.name())
                    && isPendingSelected(op)
                    && unapplied.blocking(op) == null
                    && due.test(op)) {
                candidates.add(op);
            }
        }
        if (!candidates.isEmpty()) {
            orchestration.run(candidates, this);
            dispatches.flush();
        }
    }

    /** Runs {@code op} now whatever its state (execute on demand); recorded as a new row. */
    public void runNamed(OperationDescriptor op) {
        runOne(op);
    }

    /** Runs {@code op} now and commits its work, recording nothing in the history table. */
    public void runNamedUnrecorded(OperationDescriptor op) {
        startIfFirst();
        handled.add(op.name());
        Execution execution = executor.executeUnrecorded(op);
        executed++;
        if (execution.outcome() == Execution.Outcome.FAILED) {
            failed = true;
            throw new OperationFailedException(
                    op.name(),
                    "Operation " + op.name() + " failed: " + execution.reason()
                            + " (nothing was recorded; its writes were rolled back)",
                    execution.error());
        }
        book.unrecorded(op, execution);
    }

    /** Calls {@code rollback()} of a completed operation on demand and records {@code rolled_back}. */
    public void rollBackNamed(OperationDescriptor op) {
        HistoryRow row = book.history().get(op.name());
        if (row == null || row.state() != OperationState.COMPLETED) {
            throw new SequencerException("Operation " + op.name() + " is "
                    + (row == null ? "pending" : row.state().dbValue())
                    + ", not completed: there is nothing to roll back");
        }
        startIfFirst();
        Execution undo = new OperationRollback(executor, engine.store())
                .rollBack(op, null, row.attempts() + 1, "rolled back on demand");
        if (undo.outcome() != Execution.Outcome.ROLLED_BACK) {
            throw new OperationFailedException(
                    op.name(),
                    "Rolling back operation " + op.name() + " failed: " + undo.reason() + " (it stays completed)",
                    undo.error());
        }
        book.rolledBack(op, undo, row.attempts() + 1);
    }

    /** Records that Flyway applied {@code migration} in this run. */
    public void migrationApplied(String migration, Duration elapsed) {
        book.migrationApplied(migration, elapsed);
    }

    /**
     * Adds a {@code WAITING} step for each selected operation still pending, saying why it did not run, and for each
     * that its task keeps with the asynchronous backend.
     */
    public void reportWaiting(Predicate<OperationDescriptor> dueAtEnd) {
        dispatches.flush();
        for (OperationDescriptor op : engine.registry()) {
            if (handled.contains(op.name()) || !options.selects(op)) {
                continue;
            }
            if (rules.verdict(op).pending()) {
                String why = rules.whyWaiting(op, d -> false, unapplied, dueAtEnd.test(op));
                LOG.info("Operation {} stays pending: {}", op.name(), why);
                book.waiting(op, why);
            } else if (rules.waitsForTheBackend(op)) {
                String why = rules.verdict(op).why();
                LOG.info("Operation {} is left to the asynchronous backend: {}", op.name(), why);
                book.waiting(op, why);
            }
        }
    }

    public RunReport report() {
        return book.report();
    }

    private boolean isPendingSelected(OperationDescriptor op) {
        return options.selects(op) && rules.verdict(op).pending();
    }

    // ---- the steps, for the orchestrations ----

    @Override
    public String unmetDependency(OperationDescriptor op, Predicate<String> completedMeanwhile) {
        if (!op.dependsOn().isEmpty()) {
            dispatches.flush(); // what it depends on may be queued
        }
        return rules.unmetDependency(op, completedMeanwhile);
    }

    @Override
    public int nextAttempt(OperationDescriptor op) {
        HistoryRow previous = book.history().get(op.name());
        return previous == null ? 1 : previous.attempts() + 1;
    }

    @Override
    public void starting(OperationDescriptor op) {
        dispatches.flush();
        startIfFirst();
        handled.add(op.name());
        closeOutInterrupted(op);
        LOG.info("Running operation {}", op.name());
        book.started(op);
    }

    /** An earlier attempt whose run or worker is gone is closed out as {@code failed}, with a warning. */
    private void closeOutInterrupted(OperationDescriptor op) {
        PendingRules.Verdict verdict = rules.verdict(op);
        if (!verdict.interrupted()) {
            return;
        }
        HistoryRow row = book.history().get(op.name());
        LOG.warn("Operation {}: {}; running it again", op.name(), verdict.why());
        try (Connection c = engine.dataSource().getConnection()) {
            engine.store().closeInterrupted(c, row, verdict.why());
        } catch (SQLException e) {
            throw new SequencerException(
                    "Operation " + op.name() + ": closing out its interrupted attempt failed: " + e.getMessage()
                            + " (nothing ran; check the database and run again)",
                    e);
        }
        book.interrupted(op, row, verdict.why());
    }

    @Override
    public boolean dispatchIfAsynchronous(OperationDescriptor op) {
        if (!engine.runsAsynchronously(op) || options.inlineAsynchronous()) {
            return false;
        }
        startIfFirst();
        handled.add(op.name());
        closeOutInterrupted(op);
        dispatches.dispatch(new Backend.Dispatch(op, nextAttempt(op)));
        return true;
    }

    /** Dispatches one operation in a transaction of its own; a failure fails the run, naming the operation. */
    private void dispatchOne(Backend.Dispatch dispatch) {
        Instant start = Instant.now();
        String detail;
        try {
            detail = engine.backend().dispatch(dispatch.op(), dispatch.attempt());
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        booked(dispatch, detail, Duration.between(start, Instant.now()));
    }

    private void booked(Backend.Dispatch dispatch, String detail, Duration elapsed) {
        executed++;
        book.dispatched(
                dispatch.op(),
                new Execution(Execution.Outcome.DISPATCHED, null, detail, null, elapsed),
                dispatch.attempt());
    }

    @Override
    public void runOne(OperationDescriptor op) {
        starting(op);
        Retries.Attempted result = attempt(op, nextAttempt(op), retried -> bookRetried(op, retried));
        if (book(op, result.execution(), result.attempt())) {
            fail(List.of(new Failed(op, result.execution())));
        }
    }

    @Override
    public Retries.Attempted attempt(OperationDescriptor op, int first, Consumer<Retries.Attempted> onRetry) {
        return retries.attempt(op, first, onRetry);
    }

    @Override
    public void bookRetried(OperationDescriptor op, Retries.Attempted attempt) {
        book.retried(op, attempt.execution(), attempt.attempt());
    }

    @Override
    public boolean book(OperationDescriptor op, Execution execution, int attempt) {
        executed++;
        boolean ends = book.outcome(op, execution, attempt);
        if (execution.outcome() == Execution.Outcome.COMPLETED) {
            compensation.completed(op, execution, attempt);
        }
        return ends;
    }

    @Override
    public void fail(List<Failed> failures) {
        failed = true;
        Set<String> waiting = new LinkedHashSet<>();
        failures.forEach(f -> waiting.addAll(dependents(f.op().name())));
        throw compensation.failure(failures, waiting, options.trigger());
    }

    @Override
    public void abort(RuntimeException cause) {
        failed = true;
        throw compensation.abort(cause);
    }

    @Override
    public OperationExecutor executor() {
        return executor;
    }

    @Override
    public DataSource dataSource() {
        return engine.dataSource();
    }

    @Override
    public int threads() {
        return engine.settings().orchestratorThreads();
    }

    /** Operations of the registry that depend on {@code name}, directly or not, and are still pending. */
    private List<String> dependents(String name) {
        Set<String> blocked = new LinkedHashSet<>();
        blocked.add(name);
        for (OperationDescriptor op : engine.registry()) {
            if (op.dependsOn().stream().anyMatch(blocked::contains) && isPendingSelected(op)) {
                blocked.add(op.name());
            }
        }
        blocked.remove(name);
        return List.copyOf(blocked);
    }

    // ---- lifecycle ----

    private synchronized void startIfFirst() {
        if (!started) {
            started = true;
            engine.listeners().operationsStarted(runEvent());
        }
    }

    private RunEvent runEvent() {
        return new RunEvent(
                options.trigger(),
                engine.settings().strategy(),
                executed,
                Duration.between(startedAt, Instant.now()),
                failed);
    }

    /** Marks the run failed (Flyway reported an error) so that the end event says so. */
    public void markFailed() {
        failed = true;
    }

    /** Ends the run: sends operations-ended or no-pending-operations and releases the lock. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (started) {
                engine.listeners().operationsEnded(runEvent());
            } else if (!failed) {
                engine.listeners().noPendingOperations(runEvent());
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
