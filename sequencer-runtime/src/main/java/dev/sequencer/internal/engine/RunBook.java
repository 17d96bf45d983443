package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationEvent;
import dev.sequencer.OperationState;
import dev.sequencer.RunReport;
import dev.sequencer.RunReport.Kind;
import dev.sequencer.RunReport.Outcome;
import dev.sequencer.RunReport.Step;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.execution.Listeners;
import dev.sequencer.internal.store.HistoryRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run did, as it goes: the steps of its report, the listener events, and the history kept in memory (nobody
 * else runs operations while the run holds the lock, so it need not be read again). Thread-safe: a parallel wave
 * books from several threads.
 */
final class RunBook {

    private static final Logger LOG = LoggerFactory.getLogger(RunBook.class);

    private final Map<String, HistoryRow> history;
    private final Listeners listeners;
    private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> interrupted = new ConcurrentHashMap<>();
    private final List<String> appliedMigrations = Collections.synchronizedList(new ArrayList<>());

    RunBook(Map<String, HistoryRow> history, Listeners listeners) {
        this.history = new ConcurrentHashMap<>(history);
        this.listeners = listeners;
    }

    /** The history as the run knows it: the newest row of every operation. */
    Map<String, HistoryRow> history() {
        return history;
    }

    /** The report so far. */
    RunReport report() {
        return new RunReport(List.copyOf(steps), false);
    }

    /** Migrations Flyway applied in this run, in order. */
    List<String> appliedMigrations() {
        return List.copyOf(appliedMigrations);
    }

    void migrationApplied(String migration, Duration elapsed) {
        appliedMigrations.add(migration);
        steps.add(new Step(Kind.MIGRATION, migration, Outcome.APPLIED, "", elapsed));
    }

    void started(OperationDescriptor op) {
        listeners.operationStarted(new OperationEvent(op.name(), op, Duration.ZERO, null, null));
    }

    /** An earlier attempt of {@code op} was closed out as interrupted, for {@code why}; its next step says so. */
    void interrupted(OperationDescriptor op, HistoryRow row, String why) {
        interrupted.put(op.name(), why);
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
                        why,
                        row.startedAt(),
                        Instant.now()));
    }

    /** A step for an operation that is not run, and why. */
    void waiting(OperationDescriptor op, String why) {
        steps.add(new Step(Kind.OPERATION, op.name(), Outcome.WAITING, why, Duration.ZERO));
    }

    /**
     * Books an execution's outcome: history, report step, events.
     *
     * @return whether it is a failure that ends the run (failed and not allowed to fail)
     */
    boolean outcome(OperationDescriptor op, Execution execution, int attempt) {
        remember(op, execution, attempt);
        switch (execution.outcome()) {
            case COMPLETED -> {
                steps.add(step(op, Outcome.COMPLETED, withInterruption(op, attemptsNote(op, attempt)), execution));
                listeners.operationCompleted(execution.event(op));
                return false;
            }
            case SKIPPED -> {
                LOG.info("Operation {} skipped: {}", op.name(), execution.reason());
                steps.add(step(op, Outcome.SKIPPED, execution.reason(), execution));
                listeners.operationSkipped(execution.event(op));
                return false;
            }
            default -> {
                steps.add(step(op, Outcome.FAILED, execution.reason(), execution));
                listeners.operationFailed(execution.event(op));
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

    /** A failed attempt that is retried: history and failed event, no report step. */
    void retried(OperationDescriptor op, Execution execution, int attempt) {
        remember(op, execution, attempt);
        listeners.operationFailed(execution.event(op));
    }

    void dispatched(OperationDescriptor op, Execution execution, int attempt) {
        remember(op, execution, attempt);
        steps.add(step(op, Outcome.DISPATCHED, withInterruption(op, execution.reason()), execution));
        listeners.operationDispatched(execution.event(op));
    }

    void rolledBack(OperationDescriptor op, Execution undo, int attempt) {
        remember(op, undo, attempt);
        steps.add(step(op, Outcome.ROLLED_BACK, undo.reason(), undo));
        listeners.operationRolledBack(undo.event(op));
    }

    /** An operation run on demand without recording it: a step and an event, no history. */
    void unrecorded(OperationDescriptor op, Execution execution) {
        boolean skipped = execution.outcome() == Execution.Outcome.SKIPPED;
        steps.add(step(op, skipped ? Outcome.SKIPPED : Outcome.COMPLETED, "not recorded", execution));
        if (skipped) {
            listeners.operationSkipped(execution.event(op));
        } else {
            listeners.operationCompleted(execution.event(op));
        }
    }

    private void remember(OperationDescriptor op, Execution execution, int attempt) {
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

    private static Step step(OperationDescriptor op, Outcome outcome, String detail, Execution result) {
        return new Step(Kind.OPERATION, op.name(), outcome, detail == null ? "" : detail, result.elapsed());
    }
}
