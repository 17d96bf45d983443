package dev.sequencer.internal.async;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.sequencer.DeferredDescriptor;
import dev.sequencer.DeferredHandler;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationPolicy;
import dev.sequencer.OperationState;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.engine.Execution;
import dev.sequencer.internal.store.HistoryRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does with one task. Operations: the newest history row decides (a final row means a previous worker
 * committed and died before db-scheduler removed the task: nothing to do), then the engine's executor runs the attempt
 * with the usual semantics; a failure with attempts left reschedules the task after the policy's delay. Deferred
 * tasks: the handler's work and the {@code completed} update of its row commit together.
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
            throw new SequencerException("Operation " + name + " is not in this worker's registry; a worker with a"
                    + " newer build must run it (retrying later)");
        }
        int base = Integer.parseInt(task.getData().trim());
        HistoryRow newest = newest(name);
        if (newest != null && newest.state() != OperationState.DISPATCHED && !retriable(newest.state())) {
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
        if (outcome.state() == OperationState.FAILED && tries < policy.attempts()) {
            Instant next = Instant.now().plus(policy.delayBefore(tries + 1));
            LOG.info("Operation {} will be retried at {} (attempt {} of {})", name, next, tries + 1, policy.attempts());
            return (complete, operations) -> operations.reschedule(complete, next);
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private static boolean retriable(OperationState state) {
        return state == OperationState.FAILED || state == OperationState.RUNNING;
    }

    CompletionHandler<String> deferred(TaskInstance<String> task, ExecutionContext context) {
        String id = task.getId();
        DeferredStore store = backend.deferredStore();
        try (Connection c = backend.engine().dataSource().getConnection()) {
            DeferredStore.Row row = store.find(c, id);
            if (row == null || !DeferredStore.SCHEDULED.equals(row.state())) {
                LOG.info("Deferred task {} is {}; removing it", id, row == null ? "unknown" : row.state());
                return new CompletionHandler.OnCompleteRemove<>();
            }
            DeferredDescriptor descriptor = backend.handler(row.alias());
            if (descriptor == null) {
                throw new SequencerException("No @Deferred handler '" + row.alias() + "' in this worker's registry;"
                        + " a worker with a newer build must run task " + id + " (retrying later)");
            }
            int attempt = row.attempt() + 1;
            c.setAutoCommit(false);
            try {
                DeferredHandler handler = backend.bridge().deferredHandler(descriptor);
                OperationDescriptor self = descriptor(row.alias(), id, descriptor.className());
                handler.handle(backend.bridge().context(c, self, attempt), task.getData());
                store.attempted(c, id, DeferredStore.COMPLETED, attempt, null);
                c.commit();
                LOG.info("Deferred task {} ({}) completed on attempt {}", id, row.alias(), attempt);
                return new CompletionHandler.OnCompleteRemove<>();
            } catch (Exception | LinkageError | AssertionError e) {
                c.rollback();
                boolean last = attempt >= DEFERRED_ATTEMPTS;
                String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                store.attempted(c, id, last ? DeferredStore.FAILED : DeferredStore.SCHEDULED, attempt, error);
                c.commit();
                if (last) {
                    LOG.error(
                            "Deferred task {} ({}) failed for good on attempt {}: {}", id, row.alias(), attempt, error);
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
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new SequencerException("Deferred task " + id + ": the database failed: " + e.getMessage(), e);
        }
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
}
