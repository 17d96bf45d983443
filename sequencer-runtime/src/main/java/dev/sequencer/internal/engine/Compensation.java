package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.Rollbackable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The {@link Rollbackable} operations a run completed, newest on top, and undoing them when a later operation fails.
 * Thread-safe: operations of a parallel wave complete concurrently.
 */
final class Compensation {

    private final Deque<Completed> completed = new ArrayDeque<>();
    private final OperationRollback rollback;

    Compensation(OperationRollback rollback) {
        this.rollback = rollback;
    }

    /** One completed operation that can be undone, with the instance that ran and its attempt number. */
    record Completed(OperationDescriptor op, Execution execution, int attempt) {}

    /** What undoing the run's operations did. */
    record Undone(List<Completed> rolledBack, List<Execution> undo, List<Throwable> errors) {}

    /** Remembers {@code op} if it can be undone. */
    synchronized void completed(OperationDescriptor op, Execution execution, int attempt) {
        if (execution.handler() instanceof Rollbackable) {
            completed.push(new Completed(op, execution, attempt));
        }
    }

    /** Rolls back every remembered operation, newest first, because {@code cause} failed. */
    synchronized Undone undoAll(String cause) {
        List<Completed> rolledBack = new ArrayList<>();
        List<Execution> undo = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        while (!completed.isEmpty()) {
            Completed done = completed.pop();
            Execution result = rollback.rollBack(
                    done.op(),
                    done.execution().handler(),
                    done.attempt() + 1,
                    "rolled back after " + cause + " failed");
            if (result.outcome() == Execution.Outcome.ROLLED_BACK) {
                rolledBack.add(done);
                undo.add(result);
            } else {
                errors.add(result.error());
            }
        }
        return new Undone(rolledBack, undo, errors);
    }
}
