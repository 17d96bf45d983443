package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationEvent;
import dev.sequencer.OperationFailedException;
import dev.sequencer.OperationState;
import dev.sequencer.Rollbackable;
import dev.sequencer.RunEvent;
import dev.sequencer.RunReport;
import dev.sequencer.RunReport.Kind;
import dev.sequencer.RunReport.Outcome;
import dev.sequencer.RunReport.Step;
import dev.sequencer.internal.lock.SequencerLock;
import dev.sequencer.internal.store.HistoryRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of operations under the Sequencer lock: it executes due operations in registry order, keeps the history in
 * memory (nobody else runs operations while the lock is held), undoes the run's {@link Rollbackable} operations when
 * one fails, and reports what happened. Closing it releases the lock.
 */
public final class RunSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);

    private final Engine engine;
    private final RunOptions options;
    private final SequencerLock lock;
    private final Map<String, HistoryRow> history;
    private final OperationExecutor executor;
    private final Instant startedAt = Instant.now();
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> handled = new HashSet<>();
    private final Deque<Completed> rollbackable = new ArrayDeque<>();
    private final List<String> appliedMigrations = new ArrayList<>();
    private int executed;
    private boolean started;
    private boolean failed;
    private boolean closed;

    RunSession(
            Engine engine,
            RunOptions options,
            SequencerLock lock,
            Map<String, HistoryRow> history,
            OperationExecutor executor) {
        this.engine = engine;
        this.options = options;
        this.lock = lock;
        this.history = history;
        this.executor = executor;
    }

    /** Runs, in order, every pending selected operation for which {@code due} holds and whose dependencies are met. */
    public void runDue(Predicate<OperationDescriptor> due) {
        for (OperationDescriptor op : engine.registry()) {
            if (handled.contains(op.name())
                    || !options.selects(op)
                    || !Engine.isPending(history.get(op.name()), options.repeat())
                    || !due.test(op)
                    || unmetDependency(op) != null) {
                continue;
            }
            run(op);
        }
    }

    /** Records that Flyway applied {@code migration} in this run. */
    public void migrationApplied(String migration, Duration elapsed) {
        appliedMigrations.add(migration);
        steps.add(new Step(Kind.MIGRATION, migration, Outcome.APPLIED, "", elapsed));
    }

    /** Adds a {@code WAITING} step for each selected operation still pending, saying why it did not run. */
    public void reportWaiting(Predicate<OperationDescriptor> dueAtEnd) {
        for (OperationDescriptor op : engine.registry()) {
            if (handled.contains(op.name())
                    || !options.selects(op)
                    || !Engine.isPending(history.get(op.name()), options.repeat())) {
                continue;
            }
            String dependency = unmetDependency(op);
            String why = dependency != null
                    ? "waits on " + dependency + " (" + describe(history.get(dependency)) + ")"
                    : !dueAtEnd.test(op)
                            ? "waits for migration " + op.afterMigration() + " to be applied"
                            : "not due in this run";
            LOG.info("Operation {} stays pending: {}", op.name(), why);
            steps.add(new Step(Kind.OPERATION, op.name(), Outcome.WAITING, why, Duration.ZERO));
        }
    }

    /** Whether any operation is pending and selected (regardless of when it is due). */
    public boolean anyPending() {
        return engine.registry().stream()
                .anyMatch(op -> !handled.contains(op.name())
                        && options.selects(op)
                        && Engine.isPending(history.get(op.name()), options.repeat()));
    }

    public List<String> appliedMigrations() {
        return List.copyOf(appliedMigrations);
    }

    public RunReport report() {
        return new RunReport(steps, false);
    }

    private void run(OperationDescriptor op) {
        startIfFirst();
        handled.add(op.name());
        HistoryRow previous = history.get(op.name());
        int attempt = previous == null ? 1 : previous.attempts() + 1;
        if (engine.runsAsynchronously(op) && !options.inlineAsynchronous()) {
            dispatch(op, attempt);
            return;
        }
        LOG.info("Running operation {}", op.name());
        engine.listeners().operationStarted(new OperationEvent(op.name(), op, Duration.ZERO, null, null));
        Execution outcome = executor.execute(op, attempt);
        executed++;
        record(op, outcome, attempt);
        switch (outcome.state()) {
            case COMPLETED -> {
                steps.add(step(op, Outcome.COMPLETED, "", outcome));
                engine.listeners().operationCompleted(event(op, outcome));
                if (outcome.handler() instanceof Rollbackable) {
                    rollbackable.push(new Completed(op, outcome, attempt));
                }
            }
            case SKIPPED -> {
                LOG.info("Operation {} skipped: {}", op.name(), outcome.reason());
                steps.add(step(op, Outcome.SKIPPED, outcome.reason(), outcome));
                engine.listeners().operationSkipped(event(op, outcome));
            }
            default -> fail(op, outcome);
        }
    }

    /** Hands {@code op} to the asynchronous backend: its {@code dispatched} row and its task commit together. */
    private void dispatch(OperationDescriptor op, int attempt) {
        Instant start = Instant.now();
        String detail;
        try {
            detail = engine.dispatcher().dispatch(op, attempt);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        Execution outcome =
                new Execution(OperationState.DISPATCHED, null, detail, null, Duration.between(start, Instant.now()));
        executed++;
        record(op, outcome, attempt);
        steps.add(step(op, Outcome.DISPATCHED, detail, outcome));
        engine.listeners().operationDispatched(event(op, outcome));
    }

    private void fail(OperationDescriptor op, Execution outcome) {
        failed = true;
        steps.add(step(op, Outcome.FAILED, outcome.reason(), outcome));
        engine.listeners().operationFailed(event(op, outcome));
        List<String> rolledBack = new ArrayList<>();
        OperationFailedException exception = null;
        List<Throwable> rollbackErrors = new ArrayList<>();
        while (!rollbackable.isEmpty()) {
            Completed done = rollbackable.pop();
            Execution undo = executor.rollBack(
                    done.op(),
                    done.outcome().handler(),
                    done.attempt() + 1,
                    "rolled back after " + op.name() + " failed");
            if (undo.state() == OperationState.ROLLED_BACK) {
                record(done.op(), undo, done.attempt() + 1);
                rolledBack.add(done.op().name());
                steps.add(step(done.op(), Outcome.ROLLED_BACK, undo.reason(), undo));
                engine.listeners().operationRolledBack(event(done.op(), undo));
            } else {
                rollbackErrors.add(undo.error());
            }
        }
        String message = "Operation " + op.name() + " failed: " + outcome.reason() + " (state recorded as failed"
                + (rolledBack.isEmpty() ? "" : "; rolled back " + String.join(", ", rolledBack))
                + (rollbackErrors.isEmpty() ? "" : "; " + rollbackErrors.size() + " rollback(s) failed, see log")
                + (appliedMigrations.isEmpty()
                        ? ""
                        : "; migrations applied in this run stay applied: " + String.join(", ", appliedMigrations))
                + "; fix the cause and run " + options.trigger() + "() again)";
        exception = new OperationFailedException(op.name(), message, outcome.error());
        rollbackErrors.forEach(exception::addSuppressed);
        LOG.error(message);
        throw exception;
    }

    private void record(OperationDescriptor op, Execution outcome, int attempt) {
        history.put(
                op.name(),
                new HistoryRow(
                        -1,
                        op.name(),
                        outcome.state(),
                        attempt,
                        null,
                        outcome.reason(),
                        Instant.now().minus(outcome.elapsed()),
                        Instant.now()));
    }

    private String unmetDependency(OperationDescriptor op) {
        for (String dependency : op.dependsOn()) {
            if (!Engine.isCompleted(history.get(dependency))) {
                return dependency;
            }
        }
        return null;
    }

    private static String describe(HistoryRow row) {
        return row == null ? "pending" : row.state().dbValue();
    }

    private void startIfFirst() {
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

    private static Step step(OperationDescriptor op, Outcome outcome, String detail, Execution result) {
        return new Step(Kind.OPERATION, op.name(), outcome, detail == null ? "" : detail, result.elapsed());
    }

    private static OperationEvent event(OperationDescriptor op, Execution o) {
        return new OperationEvent(
                op.name(), op, o.elapsed(), o.state() == OperationState.SKIPPED ? o.reason() : null, o.error());
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
            lock.close();
        }
    }

    private record Completed(OperationDescriptor op, Execution outcome, int attempt) {}
}
