package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationState;
import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.internal.store.HistoryRow;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether an operation is pending, and why not: the one rule behind runs, dry-run plans and {@code status()}.
 *
 * <ul>
 *   <li>An operation whose task is in the asynchronous backend's table belongs to the backend (waiting for a worker,
 *       running on one, or waiting for a retry), whatever its newest row says.
 *   <li>Otherwise it is pending when its newest row is absent, {@code failed} or {@code rolled_back}, or
 *       {@code running} with its owner provably gone: a run's row while no run holds the Sequencer lock, a worker's
 *       row without a task. Such an <em>interrupted</em> attempt was not transactional, so part of its work may
 *       remain; the next run closes its row out as {@code failed} and runs it again.
 *   <li>{@code completed} is pending only for a repeat run; {@code skipped} and {@code dispatched} never are.
 * </ul>
 */
public final class PendingRules {

    private final Map<String, HistoryRow> history;
    private final Set<String> tasks;
    private final boolean runsIdle;
    private final boolean repeat;

    /**
     * @param history the newest row of each operation
     * @param tasks the operations that have a task in the asynchronous backend's table
     * @param runsIdle whether no run holds the Sequencer lock (always true inside a run, which holds it)
     * @param repeat whether completed operations run again
     */
    public PendingRules(Map<String, HistoryRow> history, Set<String> tasks, boolean runsIdle, boolean repeat) {
        this.history = history;
        this.tasks = tasks;
        this.runsIdle = runsIdle;
        this.repeat = repeat;
    }

    /** The verdict on one operation. */
    public record Verdict(boolean pending, boolean interrupted, String why) {

        static Verdict toRun() {
            return new Verdict(true, false, null);
        }

        static Verdict toRunAgain(String why) {
            return new Verdict(true, true, why);
        }

        static Verdict not(String why) {
            return new Verdict(false, false, why);
        }
    }

    /** Whether {@code op} is pending, and why (or why not). */
    public Verdict verdict(OperationDescriptor op) {
        HistoryRow row = history.get(op.name());
        if (tasks.contains(op.name())) {
            return Verdict.not(ownedByTheBackend(row));
        }
        if (row == null) {
            return Verdict.toRun();
        }
        return switch (row.state()) {
            case FAILED, ROLLED_BACK -> Verdict.toRun();
            case COMPLETED -> repeat ? Verdict.toRun() : Verdict.not("completed");
            case SKIPPED -> Verdict.not("skipped");
            case DISPATCHED -> Verdict.not("dispatched, but its task is gone");
            case RUNNING -> running(row);
        };
    }

    /**
     * Whether {@code op} would run but its task is in the backend's table: a failed attempt waiting for its retry, or
     * an attempt running on a worker. (A {@code dispatched} one simply waits for a worker.)
     */
    public boolean waitsForTheBackend(OperationDescriptor op) {
        HistoryRow row = history.get(op.name());
        return tasks.contains(op.name())
                && row != null
                && (row.state() == OperationState.FAILED
                        || row.state() == OperationState.ROLLED_BACK
                        || row.state() == OperationState.RUNNING);
    }

    private Verdict running(HistoryRow row) {
        if (row.runningInARun()) {
            return runsIdle
                    ? Verdict.toRunAgain(interrupted("the run that started it is gone"))
                    : Verdict.not("running in another run");
        }
        return Verdict.toRunAgain(interrupted("the worker that started it is gone and its task with it"));
    }

    /** What the history and the report say of an attempt whose owner is gone. */
    public static String interrupted(String whose) {
        return RuntimeMessage.INTERRUPTED.format(whose);
    }

    private static String ownedByTheBackend(HistoryRow row) {
        OperationState state = row == null ? null : row.state();
        String what = state == OperationState.FAILED
                ? "a retry is scheduled"
                : state == OperationState.RUNNING ? "a worker is running it" : "waiting for a worker";
        return RuntimeMessage.OWNED_BY_BACKEND.format(what);
    }

    /**
     * The first dependency of {@code op} that is not completed, neither in the history nor by
     * {@code completedMeanwhile} (completed in this run, or planned), or {@code null} when all are.
     */
    public String unmetDependency(OperationDescriptor op, Predicate<String> completedMeanwhile) {
        for (String dependency : op.dependsOn()) {
            if (!isCompleted(dependency) && !completedMeanwhile.test(dependency)) {
                return dependency;
            }
        }
        return null;
    }

    /** Whether the newest row of {@code name} is {@code completed}. */
    public boolean isCompleted(String name) {
        HistoryRow row = history.get(name);
        return row != null && row.state() == OperationState.COMPLETED;
    }

    /**
     * Why a pending operation did not run (or would not, in a plan): a dependency that is not completed, a migration
     * that the migrate leaves unapplied, or a migration it is bound to that is not applied yet.
     *
     * @param completedMeanwhile dependencies completed in this run, or planned
     * @param dueAtEnd whether {@code op} is due once the migrate is over ({@link Due#atEnd})
     */
    String whyWaiting(
            OperationDescriptor op,
            Predicate<String> completedMeanwhile,
            UnappliedMigrations unapplied,
            boolean dueAtEnd) {
        String dependency = unmetDependency(op, completedMeanwhile);
        if (dependency != null) {
            HistoryRow row = history.get(dependency);
            return RuntimeMessage.WAITS_ON.format(
                    dependency, row == null ? "pending" : row.state().dbValue());
        }
        UnappliedMigrations.Left blocking = unapplied.blocking(op);
        if (blocking != null) {
            return RuntimeMessage.WAITS_FOR_UNAPPLIED_MIGRATION.format(blocking);
        }
        return dueAtEnd ? "not due in this run" : RuntimeMessage.WAITS_FOR_MIGRATION.format(op.afterMigration());
    }
}
