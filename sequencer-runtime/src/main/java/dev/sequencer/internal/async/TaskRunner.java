package dev.sequencer.internal.async;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.sequencer.DeferredDescriptor;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationPolicy;
import dev.sequencer.OperationState;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.engine.PendingRules;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.execution.PartitionAttempt;
import dev.sequencer.internal.store.HistoryRow;
import dev.sequencer.internal.store.OperationStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does with one task. Operations: the newest history row decides. A final row means a previous worker
 * committed and died before db-scheduler removed the task: nothing to do. A {@code running} row means the worker that
 * ran this non-transactional operation is gone (its task came back to us): it is closed out as {@code failed}, an
 * interrupted attempt. Then the engine runs the next attempt with the usual semantics; a failure with attempts left
 * reschedules the task after the policy's delay. Deferred tasks: the handler's work and the {@code completed} update of
 * its row commit together; a failure is recorded in its row and retried up to {@value #DEFERRED_ATTEMPTS} attempts.
 * What cannot be run here (an operation or alias this build does not know) throws, and {@link TaskFailures} decides.
 */
final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    static final int DEFERRED_ATTEMPTS = 3;

    private final AsyncBackend backend;

    TaskRunner(AsyncBackend backend) {
        this.backend = backend;
    }

    CompletionHandler<String> operation(TaskInstance<String> task, ExecutionContext context) {
        String name = task.getId();
        OperationDescriptor op = backend.engine().operation(name);
        if (op == null) {
            throw new UnknownTaskException("Operation " + name + " is not in this worker's registry; a worker with a"
                    + " build that has it must run it");
        }
        int base = Integer.parseInt(task.getData().trim());
        HistoryRow newest = closeOutInterrupted(newest(name));
        if (newest != null && newest.state().isFinal()) {
            LOG.info(
                    "Operation {} is already {}; removing its task",
                    name,
                    newest.state().dbValue());
            return new CompletionHandler.OnCompleteRemove<>();
        }
        int attempt = newest == null || newest.state() == OperationState.DISPATCHED ? base : newest.attempt() + 1;
        int tries = attempt - base + 1;
        OperationPolicy policy = op.policy();
        if (tries > policy.attempts()) {
            LOG.info("Operation {} has used its {} attempt(s); removing its task", name, policy.attempts());
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Execution outcome = backend.bridge().execute(op, attempt, newest == null ? -1 : newest.id());
        if (outcome.isSuperseded()) {
            // Another worker recorded the operation meanwhile: look again at once, with its row.
            return (complete, operations) -> operations.reschedule(complete, Instant.now());
        }
        if (outcome.outcome() == Execution.Outcome.FAILED && tries < policy.attempts()) {
            Instant next = Instant.now().plus(policy.delayBefore(tries + 1));
            LOG.info("Operation {} will be retried at {} (attempt {} of {})", name, next, tries + 1, policy.attempts());
            return (complete, operations) -> operations.reschedule(complete, next);
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    /**
     * A {@code running} row found by the worker that now holds the task was left by a worker that is gone (db-scheduler
     * revived its task): closes it out as {@code failed} and returns the row as it is now.
     */
    private HistoryRow closeOutInterrupted(HistoryRow newest) {
        if (newest == null || newest.state() != OperationState.RUNNING) {
            return newest;
        }
        String why = PendingRules.interrupted("the worker that started it is gone");
        LOG.warn("Operation {}: {}", newest.name(), why);
        OperationStore store = backend.engine().store();
        try (Connection c = backend.engine().dataSource().getConnection()) {
            store.closeInterrupted(c, newest, why);
            return store.newest(c, newest.name());
        } catch (SQLException e) {
            throw new SequencerException(
                    "Operation " + newest.name() + ": closing out its interrupted attempt failed: " + e.getMessage(),
                    e);
        }
    }

    /**
     * One partition of a {@code @Partitioned} operation: run while the dispatch it belongs to is the operation's
     * newest row; a partition over the concurrency limit waits and is looked at again later.
     */
    CompletionHandler<String> partition(TaskInstance<String> task, ExecutionContext context) {
        String name = PartitionDispatch.operationOf(task.getId());
        OperationDescriptor op = backend.engine().operation(name);
        if (op == null) {
            throw new UnknownTaskException("Operation " + name + " is not in this worker's registry; a worker with a"
                    + " build that has it must run its partition task " + task.getId());
        }
        HistoryRow newest = newest(name);
        int dispatch = Integer.parseInt(task.getData().trim());
        if (newest == null || newest.state() != OperationState.DISPATCHED || newest.attempt() != dispatch) {
            LOG.info(
                    "Partition task {}: its dispatch is over ({}); removing it",
                    task.getId(),
                    newest == null ? "no history" : newest.state().dbValue());
            return new CompletionHandler.OnCompleteRemove<>();
        }
        PartitionAttempt.Outcome outcome =
                backend.bridge().partitionAttempt().run(op, newest, PartitionDispatch.partitionOf(task.getId()));
        return switch (outcome.result()) {
            case WAIT -> {
                Instant next = Instant.now().plus(backend.engine().settings().asyncPollingInterval());
                yield (complete, operations) -> operations.reschedule(complete, next);
            }
            case RETRY -> {
                Instant next = Instant.now().plus(outcome.retryIn());
                yield (complete, operations) -> operations.reschedule(complete, next);
            }
            default -> new CompletionHandler.OnCompleteRemove<>();
        };
    }

    CompletionHandler<String> deferred(TaskInstance<String> task, ExecutionContext context) {
        String id = task.getId();
        DeferredStore store = backend.deferredStore();
        DeferredStore.Row row;
        try (Connection c = backend.engine().dataSource().getConnection()) {
            row = store.find(c, id);
        } catch (SQLException e) {
            throw new SequencerException("Deferred task " + id + ": the database failed: " + e.getMessage(), e);
        }
        if (row == null || !DeferredStore.SCHEDULED.equals(row.state())) {
            LOG.info("Deferred task {} is {}; removing it", id, row == null ? "unknown" : row.state());
            return new CompletionHandler.OnCompleteRemove<>();
        }
        DeferredDescriptor descriptor = backend.handler(row.alias());
        if (descriptor == null) {
            throw new UnknownTaskException("No @Deferred handler '" + row.alias() + "' in this worker's registry; a"
                    + " worker with a build that has it must run task " + id);
        }
        int attempt = row.attempt() + 1;
        Throwable failure = backend.bridge()
                .deferredAttempt()
                .run(
                        descriptor,
                        descriptor(row.alias(), id, descriptor.className()),
                        attempt,
                        task.getData(),
                        c -> store.attempted(c, id, DeferredStore.COMPLETED, attempt, null));
        if (failure == null) {
            LOG.info("Deferred task {} ({}) completed on attempt {}", id, row.alias(), attempt);
            return new CompletionHandler.OnCompleteRemove<>();
        }
        boolean last = attempt >= DEFERRED_ATTEMPTS;
        String error = Execution.message(failure);
        try (Connection c = backend.engine().dataSource().getConnection()) {
            store.attempted(c, id, last ? DeferredStore.FAILED : DeferredStore.SCHEDULED, attempt, error);
        } catch (SQLException e) {
            e.addSuppressed(failure);
            throw new SequencerException(
                    "Deferred task " + id + " (" + row.alias() + ") failed on attempt " + attempt + ": " + error
                            + "; recording that failed too: " + e.getMessage(),
                    e);
        }
        if (last) {
            LOG.error("Deferred task {} ({}) failed for good on attempt {}: {}", id, row.alias(), attempt, error);
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Instant next = Instant.now().plus(backend.engine().settings().deferredRetryDelay());
        LOG.warn(
                "Deferred task {} ({}) failed on attempt {}: {}; retrying at {}",
                id,
                row.alias(),
                attempt,
                error,
                next);
        return (complete, operations) -> operations.reschedule(complete, next);
    }

    /** A descriptor standing for a deferred task in its {@code OperationContext}; its source cannot load a class. */
    private static OperationDescriptor descriptor(String alias, String id, String className) {
        OperationDescriptor.Source none = new OperationDescriptor.Source() {
            @Override
            public Class<? extends OperationHandler> type() {
                throw new UnsupportedOperationException("a deferred task has no operation class");
            }

            @Override
            public OperationHandler newInstance() {
                throw new UnsupportedOperationException("a deferred task has no operation class");
            }
        };
        return new OperationDescriptor(
                "deferred:" + alias + ":" + id,
                "00000000000000",
                className,
                "",
                List.of(),
                List.of(),
                null,
                true,
                true,
                false,
                none);
    }

    private HistoryRow newest(String name) {
        try (Connection c = backend.engine().dataSource().getConnection()) {
            return backend.engine().store().newest(c, name);
        } catch (SQLException e) {
            throw new SequencerException("Operation " + name + ": cannot read its history: " + e.getMessage(), e);
        }
    }

    /** A task that this worker's build cannot run. */
    static final class UnknownTaskException extends SequencerException {
        private static final long serialVersionUID = 1L;

        UnknownTaskException(String message) {
            super(message);
        }
    }
}
