package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationFailedException;
import dev.sequencer.Rollbackable;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.execution.OperationRollback;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a run fails: the {@link Rollbackable} operations it completed, newest on top, undone newest first, and the
 * failure the run ends with, saying what failed, what was rolled back, what waits and which migrations stay applied.
 * Thread-safe: operations of a parallel wave complete concurrently.
 */
final class Compensation {

    private static final Logger LOG = LoggerFactory.getLogger(Compensation.class);

    private final Deque<Completed> completed = new ArrayDeque<>();
    private final OperationRollback rollback;
    private final RunBook book;

    Compensation(OperationRollback rollback, RunBook book) {
        this.rollback = rollback;
        this.book = book;
    }

    private record Completed(OperationDescriptor op, Execution execution, int attempt) {}

    /** Remembers {@code op} if it can be undone. */
    synchronized void completed(OperationDescriptor op, Execution execution, int attempt) {
        if (execution.handler() instanceof Rollbackable) {
            completed.push(new Completed(op, execution, attempt));
        }
    }

    /**
     * Undoes the run's rollbackable operations and builds the failure of the first of {@code failures}.
     *
     * @param waiting pending operations that depend on the failed ones
     * @param trigger {@code process}, {@code migrate}, ...: what to run again once fixed
     */
    synchronized OperationFailedException failure(
            List<RunSteps.Failed> failures, Collection<String> waiting, String trigger) {
        RunSteps.Failed first = failures.get(0);
        List<Throwable> rollbackErrors = new ArrayList<>();
        List<String> rolledBack = undoAll(first.op().name(), rollbackErrors);
        List<String> others = failures.stream()
                .skip(1)
                .map(f -> f.op().name() + " (" + f.execution().reason() + ")")
                .toList();
        List<String> applied = book.appliedMigrations();
        String message = "Operation " + first.op().name() + " failed: "
                + first.execution().reason()
                + " (state recorded as failed"
                + (others.isEmpty() ? "" : "; also failed: " + String.join(", ", others))
                + (rolledBack.isEmpty() ? "" : "; rolled back " + String.join(", ", rolledBack))
                + (rollbackErrors.isEmpty() ? "" : "; " + rollbackErrors.size() + " rollback(s) failed, see the log")
                + (waiting.isEmpty() ? "" : "; " + String.join(", ", waiting) + " wait on it")
                + (applied.isEmpty()
                        ? ""
                        : "; migrations applied in this run stay applied: " + String.join(", ", applied))
                + "; fix the cause and run " + trigger + "() again)";
        OperationFailedException exception = new OperationFailedException(
                first.op().name(), message, first.execution().error());
        failures.stream().skip(1).map(f -> f.execution().error()).forEach(exception::addSuppressed);
        rollbackErrors.forEach(exception::addSuppressed);
        LOG.error(message);
        return exception;
    }

    /** Undoes the run's rollbackable operations because of {@code cause}, an error nothing could record. */
    synchronized RuntimeException abort(RuntimeException cause) {
        List<Throwable> rollbackErrors = new ArrayList<>();
        undoAll("an operation", rollbackErrors);
        rollbackErrors.forEach(cause::addSuppressed);
        return cause;
    }

    /** Rolls back every remembered operation, newest first, booking each; returns the names rolled back. */
    private List<String> undoAll(String cause, List<Throwable> errors) {
        List<String> rolledBack = new ArrayList<>();
        while (!completed.isEmpty()) {
            Completed done = completed.pop();
            Execution undo = rollback.rollBack(
                    done.op(),
                    done.execution().handler(),
                    done.attempt() + 1,
                    "rolled back after " + cause + " failed");
            if (undo.outcome() == Execution.Outcome.ROLLED_BACK) {
                book.rolledBack(done.op(), undo, done.attempt() + 1);
                rolledBack.add(done.op().name());
            } else {
                errors.add(undo.error());
            }
        }
        return rolledBack;
    }
}
