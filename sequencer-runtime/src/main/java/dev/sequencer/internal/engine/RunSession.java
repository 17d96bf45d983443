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
 * One run of operations under the Sequencer lock: it picks the due operations in registry order, hands them to the
 * configured {@link Orchestration}, keeps the history in memory (nobody else runs operations while the lock is held),
 * undoes the run's {@link Rollbackable} operations when one fails, and reports what happened. Closing it releases
 * the lock.
 */
public final class RunSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);

    private final Engine engine;
    private final RunOptions options;
    private final SequencerLock lock;
    private final Map<String, HistoryRow> history;
    private final OperationExecutor executor;
    private final Orchestration orchestration;
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
        this.orchestration = Orchestration.named(engine.settings().orchestrator(), this);
    }

    /** Runs every pending selected operation for which {@code due} holds, as the orchestrator decides. */
    public void runDue(Predicate<OperationDescriptor> due) {
        List<OperationDescriptor> candidates = new ArrayList<>();
        for (OperationDescriptor op : engine.registry()) {
            if (!handled.contains(op.name()) && isPendingSelected(op) && due.test(op)) {
                candidates.add(op);
            }
        }
        if (!candidates.isEmpty()) {
            orchestration.run(candidates);
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
        if (execution.state() != OperationState.COMPLETED) {
            failed = true;
            throw new OperationFailedException(
                    op.name(),
                    "Operation " + op.name() + " failed: " + execution.reason()
                            + " (nothing was recorded; its writes were rolled back)",
                    execution.error());
        }
        steps.add(step(op, Outcome.COMPLETED, "not recorded", execution));
        engine.listeners().operationCompleted(event(op, execution));
    }

    /** Calls {@code rollback()} of a completed operation on demand and records {@code rolled_back}. */
    public void rollBackNamed(OperationDescriptor op) {
        HistoryRow row = history.get(op.name());
        if (row == null || row.state() != OperationState.COMPLETED) {
            throw new dev.sequencer.SequencerException("Operation " + op.name() + " is "
                    + (row == null ? "pending" : row.state().dbValue())
                    + ", not completed: there is nothing to roll back");
        }
        startIfFirst();
        Execution undo = executor.rollBack(op, null, row.attempts() + 1, "rolled back on demand");
        if (undo.state() != OperationState.ROLLED_BACK) {
            throw new OperationFailedException(
                    op.name(),
                    "Rolling back operation " + op.name() + " failed: " + undo.reason() + " (it stays completed)",
                    undo.error());
        }
        record(op, undo, row.attempts() + 1);
        steps.add(step(op, Outcome.ROLLED_BACK, undo.reason(), undo));
        engine.listeners().operationRolledBack(event(op, undo));
    }

    /** Records that Flyway applied {@code migration} in this run. */
    public void migrationApplied(String migration, Duration elapsed) {
        appliedMigrations.add(migration);
        steps.add(new Step(Kind.MIGRATION, migration, Outcome.APPLIED, "", elapsed));
    }

    /** Adds a {@code WAITING} step for each selected operation still pending, saying why it did not run. */
    public void reportWaiting(Predicate<OperationDescriptor> dueAtEnd) {
        for (OperationDescriptor op : engine.registry()) {
            if (handled.contains(op.name()) || !isPendingSelected(op)) {
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

    public RunReport report() {
        return new RunReport(steps, false);
    }

    // ---- used by the orchestrations ----

    RunOptions options() {
        return options;
    }

    OperationExecutor executor() {
        return executor;
    }

    Engine engine() {
        return engine;
    }

    boolean isPendingSelected(OperationDescriptor op) {
        return options.selects(op) && Engine.isPending(history.get(op.name()), options.repeat());
    }

    String unmetDependency(OperationDescriptor op) {
        for (String dependency : op.dependsOn()) {
            if (!isCompleted(dependency)) {
                return dependency;
            }
        }
        return null;
    }

    boolean isCompleted(String operation) {
        return Engine.isCompleted(history.get(operation));
    }

    int nextAttempt(OperationDescriptor op) {
        HistoryRow previous = history.get(op.name());
        return previous == null ? 1 : previous.attempts() + 1;
    }

    /** Marks {@code op} taken by this run and sends its started event. */
    void starting(OperationDescriptor op) {
        startIfFirst();
        handled.add(op.name());
        LOG.info("Running operation {}", op.name());
        engine.listeners().operationStarted(new OperationEvent(op.name(), op, Duration.ZERO, null, null));
    }

    /**
     * Hands {@code op} to the asynchronous backend when it runs asynchronously in this run ({@code @Asynchronous} or
     * {@code sequencer.async.all}, and neither force-sync nor a sync run): its {@code dispatched} row and its task
     * commit together. Returns whether it was dispatched.
     */
    boolean dispatchIfAsynchronous(OperationDescriptor op) {
        if (!engine.runsAsynchronously(op) || options.inlineAsynchronous()) {
            return false;
        }
        startIfFirst();
        handled.add(op.name());
        int attempt = nextAttempt(op);
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
        return true;
    }

    /** Runs one operation with its retries, then records the outcome (sequential and named runs). */
    void runOne(OperationDescriptor op) {
        starting(op);
        int first = nextAttempt(op);
        Attempted result = attempt(op, first, failedAttempt -> {
            record(op, failedAttempt.execution(), failedAttempt.attempt());
            engine.listeners().operationFailed(event(op, failedAttempt.execution()));
        });
        finish(op, result.execution(), result.attempt());
    }

    /**
     * Runs attempts of {@code op} from attempt number {@code first} until one does not fail or its
     * {@code @Retry} attempts are used up, pausing by its backoff; safe to call from several threads.
     *
     * @param onRetry told of each failed attempt that is retried
     */
    Attempted attempt(OperationDescriptor op, int first, java.util.function.Consumer<Attempted> onRetry) {
        int attempt = first;
        Execution execution = executor.execute(op, attempt);
        while (execution.state() == OperationState.FAILED
                && attempt - first + 1 < op.policy().attempts()) {
            onRetry.accept(new Attempted(execution, attempt));
            int done = attempt - first + 1;
            Duration delay = op.policy().delayBefore(done + 1);
            LOG.warn(
                    "Operation {} failed on attempt {} of {}: {}; retrying in {} ms",
                    op.name(),
                    done,
                    op.policy().attempts(),
                    execution.reason(),
                    delay.toMillis());
            pause(delay);
            attempt++;
            execution = executor.execute(op, attempt);
        }
        return new Attempted(execution, attempt);
    }

    /** The last attempt of an operation and its number. */
    record Attempted(Execution execution, int attempt) {}

    /** Records an execution's outcome: steps, events, history; a failure that may not pass ends the run. */
    void finish(OperationDescriptor op, Execution execution, int attempt) {
        executed++;
        record(op, execution, attempt);
        switch (execution.state()) {
            case COMPLETED -> {
                steps.add(step(op, Outcome.COMPLETED, attemptsNote(op, attempt), execution));
                engine.listeners().operationCompleted(event(op, execution));
                if (execution.handler() instanceof Rollbackable) {
                    rollbackable.push(new Completed(op, execution, attempt));
                }
            }
            case SKIPPED -> {
                LOG.info("Operation {} skipped: {}", op.name(), execution.reason());
                steps.add(step(op, Outcome.SKIPPED, execution.reason(), execution));
                engine.listeners().operationSkipped(event(op, execution));
            }
            default -> {
                steps.add(step(op, Outcome.FAILED, execution.reason(), execution));
                engine.listeners().operationFailed(event(op, execution));
                if (op.policy().allowedToFail()) {
                    LOG.warn(
                            "Operation {} failed and is allowed to fail; the run goes on: {}",
                            op.name(),
                            execution.reason());
                } else {
                    fail(op, execution);
                }
            }
        }
    }

    /** Rolls back the run's Rollbackable operations, newest first, and throws the failure of {@code op}. */
    void fail(OperationDescriptor op, Execution execution) {
        failed = true;
        List<String> rolledBack = new ArrayList<>();
        List<Throwable> rollbackErrors = new ArrayList<>();
        while (!rollbackable.isEmpty()) {
            Completed done = rollbackable.pop();
            Execution undo = executor.rollBack(
                    done.op(),
                    done.execution().handler(),
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
        List<String> waiting = dependents(op.name());
        String message = "Operation " + op.name() + " failed: " + execution.reason() + " (state recorded as failed"
                + (rolledBack.isEmpty() ? "" : "; rolled back " + String.join(", ", rolledBack))
                + (rollbackErrors.isEmpty() ? "" : "; " + rollbackErrors.size() + " rollback(s) failed, see the log")
                + (waiting.isEmpty() ? "" : "; " + String.join(", ", waiting) + " wait on it")
                + (appliedMigrations.isEmpty()
                        ? ""
                        : "; migrations applied in this run stay applied: " + String.join(", ", appliedMigrations))
                + "; fix the cause and run " + options.trigger() + "() again)";
        OperationFailedException exception = new OperationFailedException(op.name(), message, execution.error());
        rollbackErrors.forEach(exception::addSuppressed);
        LOG.error(message);
        throw exception;
    }

    /** Operations of the registry that depend on {@code name}, directly or not, and are still pending. */
    private List<String> dependents(String name) {
        Set<String> blocked = new java.util.LinkedHashSet<>();
        blocked.add(name);
        for (OperationDescriptor op : engine.registry()) {
            if (op.dependsOn().stream().anyMatch(blocked::contains) && isPendingSelected(op)) {
                blocked.add(op.name());
            }
        }
        blocked.remove(name);
        return List.copyOf(blocked);
    }

    void record(OperationDescriptor op, Execution execution, int attempt) {
        history.put(
                op.name(),
                new HistoryRow(
                        -1,
                        op.name(),
                        execution.state(),
                        attempt,
                        null,
                        execution.reason(),
                        Instant.now().minus(execution.elapsed()),
                        Instant.now()));
    }

    private static String attemptsNote(OperationDescriptor op, int attempt) {
        return op.policy().attempts() > 1 ? "attempt " + attempt : "";
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.sequencer.SequencerException("Interrupted while waiting to retry an operation");
        }
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

    static Step step(OperationDescriptor op, Outcome outcome, String detail, Execution result) {
        return new Step(Kind.OPERATION, op.name(), outcome, detail == null ? "" : detail, result.elapsed());
    }

    static OperationEvent event(OperationDescriptor op, Execution e) {
        return new OperationEvent(
                op.name(), op, e.elapsed(), e.state() == OperationState.SKIPPED ? e.reason() : null, e.error());
    }

    List<Step> steps() {
        return steps;
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

    private record Completed(OperationDescriptor op, Execution execution, int attempt) {}
}
