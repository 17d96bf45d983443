package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationEvent;
import dev.sequencer.OperationFailedException;
import dev.sequencer.OperationState;
import dev.sequencer.RunEvent;
import dev.sequencer.RunReport;
import dev.sequencer.RunReport.Kind;
import dev.sequencer.RunReport.Outcome;
import dev.sequencer.RunReport.Step;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.lock.SequencerLock;
import dev.sequencer.internal.store.HistoryRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of operations under the Sequencer lock: it picks the pending operations that are due, in registry order,
 * hands them to the configured {@link Orchestration}, keeps the history in memory (nobody else runs operations while
 * the lock is held), undoes the run's rollbackable operations when one fails, and reports what happened. Closing it
 * releases the lock.
 */
public final class RunSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);

    private final Engine engine;
    private final RunOptions options;
    private final SequencerLock lock;
    private final Map<String, HistoryRow> history;
    private final PendingRules rules;
    private final OperationExecutor executor;
    private final Compensation compensation;
    private final Orchestration orchestration;
    private final Instant startedAt = Instant.now();
    private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final Map<String, String> interrupted = new ConcurrentHashMap<>();
    private final List<String> appliedMigrations = new ArrayList<>();
    private UnappliedMigrations unapplied = UnappliedMigrations.NONE;
    private volatile int executed;
    private volatile boolean started;
    private volatile boolean failed;
    private boolean closed;

    RunSession(
            Engine engine,
            RunOptions options,
            SequencerLock lock,
            Map<String, HistoryRow> history,
            Set<String> tasks,
            OperationExecutor executor) {
        this.engine = engine;
        this.options = options;
        this.lock = lock;
        this.history = new ConcurrentHashMap<>(history);
        this.rules = new PendingRules(this.history, tasks, true, options.repeat());
        this.executor = executor;
        this.compensation = new Compensation(new OperationRollback(executor, engine.store()));
        this.orchestration = Orchestration.named(engine.settings().orchestrator(), this);
    }

    /** Whether any selected operation is pending (before anything ran). */
    public boolean hasPending() {
        return engine.registry().stream().anyMatch(this::isPendingSelected);
    }

    /** The migrations this run's migrate leaves unapplied: operations later than them wait. */
    public void unapplied(UnappliedMigrations unapplied) {
        this.unapplied = unapplied;
    }

    /** Runs every pending selected operation for which {@code due} holds, as the orchestrator decides. */
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
        if (execution.outcome() == Execution.Outcome.FAILED) {
            failed = true;
            throw new OperationFailedException(
                    op.name(),
                    "Operation " + op.name() + " failed: " + execution.reason()
                            + " (nothing was recorded; its writes were rolled back)",
                    execution.error());
        }
        steps.add(step(op, outcomeOf(execution), "not recorded", execution));
        if (execution.outcome() == Execution.Outcome.SKIPPED) {
            engine.listeners().operationSkipped(event(op, execution));
        } else {
            engine.listeners().operationCompleted(event(op, execution));
        }
    }

    /** Calls {@code rollback()} of a completed operation on demand and records {@code rolled_back}. */
    public void rollBackNamed(OperationDescriptor op) {
        HistoryRow row = history.get(op.name());
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
        remember(op, undo, row.attempts() + 1);
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
            String why = rules.whyWaiting(op, d -> false, unapplied, dueAtEnd.test(op));
            LOG.info("Operation {} stays pending: {}", op.name(), why);
            steps.add(new Step(Kind.OPERATION, op.name(), Outcome.WAITING, why, Duration.ZERO));
        }
        for (OperationDescriptor op : engine.registry()) {
            if (options.selects(op) && !handled.contains(op.name()) && rules.waitsForTheBackend(op)) {
                String why = rules.verdict(op).why();
                LOG.info("Operation {} is left to the asynchronous backend: {}", op.name(), why);
                steps.add(new Step(Kind.OPERATION, op.name(), Outcome.WAITING, why, Duration.ZERO));
            }
        }
    }

    public RunReport report() {
        return new RunReport(List.copyOf(steps), false);
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
        return options.selects(op) && rules.verdict(op).pending();
    }

    /** The first dependency of {@code op} that is not completed, or {@code null} when it may run. */
    String unmetDependency(OperationDescriptor op) {
        return rules.unmetDependency(op, d -> false);
    }

    /** As {@link #unmetDependency(OperationDescriptor)}, counting {@code completedMeanwhile} as completed too. */
    String unmetDependency(OperationDescriptor op, Predicate<String> completedMeanwhile) {
        return rules.unmetDependency(op, completedMeanwhile);
    }

    /** Marks the run failed without throwing (an error that is not an operation's failure is on its way). */
    void failedWithoutAnOperation() {
        failed = true;
    }

    /**
     * Ends the run with {@code cause}, an error that is not a recorded failure of an operation (recording it failed):
     * the run's rollbackable operations are undone first, as for any failure.
     */
    void abort(RuntimeException cause) {
        failed = true;
        Compensation.Undone undone = compensation.undoAll("an operation");
        bookUndone(undone);
        undone.errors().forEach(cause::addSuppressed);
        throw cause;
    }

    /** Books what compensation rolled back; returns their names. */
    private List<String> bookUndone(Compensation.Undone undone) {
        List<String> rolledBack = new ArrayList<>();
        for (int i = 0; i < undone.rolledBack().size(); i++) {
            Compensation.Completed done = undone.rolledBack().get(i);
            Execution undo = undone.undo().get(i);
            remember(done.op(), undo, done.attempt() + 1);
            rolledBack.add(done.op().name());
            steps.add(step(done.op(), Outcome.ROLLED_BACK, undo.reason(), undo));
            engine.listeners().operationRolledBack(event(done.op(), undo));
        }
        return rolledBack;
    }

    boolean isCompleted(String operation) {
        return rules.isCompleted(operation);
    }

    int nextAttempt(OperationDescriptor op) {
        HistoryRow previous = history.get(op.name());
        return previous == null ? 1 : previous.attempts() + 1;
    }

    /**
     * Marks {@code op} taken by this run and sends its started event. An interrupted earlier attempt is closed out as
     * {@code failed} first, with a warning that its partial work may remain.
     */
    void starting(OperationDescriptor op) {
        startIfFirst();
        handled.add(op.name());
        closeOutInterrupted(op);
        LOG.info("Running operation {}", op.name());
        engine.listeners().operationStarted(new OperationEvent(op.name(), op, Duration.ZERO, null, null));
    }

    private void closeOutInterrupted(OperationDescriptor op) {
        PendingRules.Verdict verdict = rules.verdict(op);
        if (!verdict.interrupted()) {
            return;
        }
        HistoryRow row = history.get(op.name());
        LOG.warn("Operation {}: {}; running it again", op.name(), verdict.why());
        try (Connection c = engine.dataSource().getConnection()) {
            engine.store().closeInterrupted(c, row, verdict.why());
        } catch (SQLException e) {
            throw new SequencerException(
                    "Operation " + op.name() + ": closing out its interrupted attempt failed: " + e.getMessage()
                            + " (nothing ran; check the database and run again)",
                    e);
        }
        interrupted.put(op.name(), verdict.why());
        history.put(
                op.name(),
                new HistoryRow(
                        row.id(),
                        row.name(),
                        row.className(),
                        OperationState.FAILED,
                        row.attempts(),
                        row.attempt(),
                        row.owner(),
                        verdict.why(),
                        row.startedAt(),
                        Instant.now()));
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
        closeOutInterrupted(op);
        int attempt = nextAttempt(op);
        Instant start = Instant.now();
        String detail;
        try {
            detail = engine.backend().dispatch(op, attempt);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        Execution outcome =
                new Execution(Execution.Outcome.DISPATCHED, null, detail, null, Duration.between(start, Instant.now()));
        executed++;
        remember(op, outcome, attempt);
        steps.add(step(op, Outcome.DISPATCHED, withInterruption(op, detail), outcome));
        engine.listeners().operationDispatched(event(op, outcome));
        return true;
    }

    /** Runs one operation with its retries, then books the outcome (sequential and named runs). */
    void runOne(OperationDescriptor op) {
        starting(op);
        Attempted result = attempt(op, nextAttempt(op), failedAttempt -> bookRetried(op, failedAttempt));
        finish(op, result.execution(), result.attempt());
    }

    /** Books a failed attempt that was retried: history and failed event (no report step). */
    void bookRetried(OperationDescriptor op, Attempted failedAttempt) {
        remember(op, failedAttempt.execution(), failedAttempt.attempt());
        engine.listeners().operationFailed(event(op, failedAttempt.execution()));
    }

    /**
     * Runs attempts of {@code op} from attempt number {@code first} until one does not fail or its {@code @Retry}
     * attempts are used up, pausing by its backoff; safe to call from several threads.
     *
     * @param onRetry told of each failed attempt that is retried
     */
    Attempted attempt(OperationDescriptor op, int first, java.util.function.Consumer<Attempted> onRetry) {
        int attempt = first;
        Execution execution = executor.execute(op, attempt);
        while (execution.outcome() == Execution.Outcome.FAILED
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

    /** Books an execution's outcome: steps, events, history; a failure that may not pass ends the run. */
    void finish(OperationDescriptor op, Execution execution, int attempt) {
        if (book(op, execution, attempt)) {
            fail(List.of(new Failed(op, execution)));
        }
    }

    /** A failure that ends the run. */
    record Failed(OperationDescriptor op, Execution execution) {}

    /**
     * Books an execution's outcome: history, report step, events, and the compensation stack.
     *
     * @return whether it is a failure that ends the run (failed and not allowed to fail)
     */
    boolean book(OperationDescriptor op, Execution execution, int attempt) {
        executed++;
        remember(op, execution, attempt);
        switch (execution.outcome()) {
            case COMPLETED -> {
                steps.add(step(op, Outcome.COMPLETED, withInterruption(op, attemptsNote(op, attempt)), execution));
                engine.listeners().operationCompleted(event(op, execution));
                compensation.completed(op, execution, attempt);
                return false;
            }
            case SKIPPED -> {
                LOG.info("Operation {} skipped: {}", op.name(), execution.reason());
                steps.add(step(op, Outcome.SKIPPED, execution.reason(), execution));
                engine.listeners().operationSkipped(event(op, execution));
                return false;
            }
            default -> {
                steps.add(step(op, Outcome.FAILED, execution.reason(), execution));
                engine.listeners().operationFailed(event(op, execution));
                if (op.policy().allowedToFail()) {
                    LOG.warn(
                            "Operation {} failed and is allowed to fail; the run goes on: {}",
                            op.name(),
                            execution.reason());
                    return false;
                }
                return true;
            }
        }
    }

    /**
     * Rolls back the run's Rollbackable operations, newest first, and throws the failure of the first of
     * {@code failures}, naming the others.
     */
    void fail(List<Failed> failures) {
        failed = true;
        Compensation.Undone undone = compensation.undoAll(failures.get(0).op().name());
        List<String> rolledBack = bookUndone(undone);
        Failed first = failures.get(0);
        Set<String> waiting = new LinkedHashSet<>();
        List<String> others = new ArrayList<>();
        for (Failed f : failures) {
            waiting.addAll(dependents(f.op().name()));
            if (f != first) {
                others.add(f.op().name() + " (" + f.execution().reason() + ")");
            }
        }
        String message = "Operation " + first.op().name() + " failed: "
                + first.execution().reason()
                + " (state recorded as failed"
                + (others.isEmpty() ? "" : "; also failed: " + String.join(", ", others))
                + (rolledBack.isEmpty() ? "" : "; rolled back " + String.join(", ", rolledBack))
                + (undone.errors().isEmpty() ? "" : "; " + undone.errors().size() + " rollback(s) failed, see the log")
                + (waiting.isEmpty() ? "" : "; " + String.join(", ", waiting) + " wait on it")
                + (appliedMigrations.isEmpty()
                        ? ""
                        : "; migrations applied in this run stay applied: " + String.join(", ", appliedMigrations))
                + "; fix the cause and run " + options.trigger() + "() again)";
        OperationFailedException exception = new OperationFailedException(
                first.op().name(), message, first.execution().error());
        failures.stream().skip(1).map(f -> f.execution().error()).forEach(exception::addSuppressed);
        undone.errors().forEach(exception::addSuppressed);
        LOG.error(message);
        throw exception;
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

    /** Keeps the in-memory history in step with what was recorded. */
    void remember(OperationDescriptor op, Execution execution, int attempt) {
        HistoryRow previous = history.get(op.name());
        history.put(
                op.name(),
                new HistoryRow(
                        -1,
                        op.name(),
                        op.className(),
                        execution.state(),
                        previous == null ? 1 : previous.attempts() + 1,
                        attempt,
                        null,
                        execution.reason(),
                        Instant.now().minus(execution.elapsed()),
                        Instant.now()));
    }

    private String withInterruption(OperationDescriptor op, String detail) {
        String earlier = interrupted.get(op.name());
        if (earlier == null) {
            return detail;
        }
        return earlier + (detail == null || detail.isEmpty() ? "" : "; " + detail);
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
            throw new SequencerException("Interrupted while waiting to retry an operation");
        }
    }

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

    static Step step(OperationDescriptor op, Outcome outcome, String detail, Execution result) {
        return new Step(Kind.OPERATION, op.name(), outcome, detail == null ? "" : detail, result.elapsed());
    }

    private static Outcome outcomeOf(Execution execution) {
        return switch (execution.outcome()) {
            case COMPLETED -> Outcome.COMPLETED;
            case SKIPPED -> Outcome.SKIPPED;
            case ROLLED_BACK -> Outcome.ROLLED_BACK;
            case DISPATCHED -> Outcome.DISPATCHED;
            default -> Outcome.FAILED;
        };
    }

    static OperationEvent event(OperationDescriptor op, Execution e) {
        return new OperationEvent(
                op.name(), op, e.elapsed(), e.outcome() == Execution.Outcome.SKIPPED ? e.reason() : null, e.error());
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
}
