package dev.sequencer.internal.async;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationState;
import dev.sequencer.internal.config.SequencerSettings;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.internal.store.Attempt;
import dev.sequencer.internal.store.HistoryRow;
import dev.sequencer.internal.store.OperationStore;
import java.sql.Connection;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a task that failed without an outcome it could record: its operation or alias unknown to this
 * worker's build, the database failing while a worker read or wrote the history. It is tried again after
 * {@code sequencer.async.task-retry-delay}; after {@code sequencer.async.task-attempts} failures in a row it is given
 * up: removed, and recorded where it can be (the operation {@code failed} with the reason and an error row, the
 * deferred task {@code failed} with its last error), so that {@code status()} shows it instead of a healthy-looking
 * task retried for ever. (An operation's own failures are recorded attempts, retried by its {@code @Retry}, never
 * counted here.)
 */
final class TaskFailures implements FailureHandler<String> {

    private static final Logger LOG = LoggerFactory.getLogger(TaskFailures.class);

    private final AsyncBackend backend;

    TaskFailures(AsyncBackend backend) {
        this.backend = backend;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        SequencerSettings settings = backend.engine().settings();
        int failures = complete.getExecution().consecutiveFailures + 1;
        Throwable cause = complete.getCause().orElse(null);
        String what = complete.getExecution().getTaskName() + " "
                + complete.getExecution().getId();
        if (failures < settings.asyncTaskAttempts()) {
            Instant next = Instant.now().plus(settings.asyncTaskRetryDelay());
            LOG.warn(
                    "Task {} failed ({} of {}): {}; trying again at {}",
                    what,
                    failures,
                    settings.asyncTaskAttempts(),
                    describe(cause),
                    next);
            operations.reschedule(complete, next);
            return;
        }
        String reason = RuntimeMessage.TASK_GIVEN_UP.format(failures, describe(cause));
        LOG.error("Task {}: {}; removing it", what, reason);
        try {
            if (AsyncBackend.OPERATION_TASK.equals(complete.getExecution().getTaskName())) {
                recordOperation(complete.getExecution().getId(), reason, cause);
            } else {
                recordDeferred(complete.getExecution().getId(), reason);
            }
        } catch (Throwable e) {
            LOG.error("Task {}: recording that it was given up failed too; status() shows it lost", what, e);
        }
        operations.remove();
    }

    private void recordOperation(String name, String reason, Throwable cause) throws Exception {
        OperationStore store = backend.engine().store();
        OperationDescriptor op = backend.engine().operation(name);
        try (Connection c = backend.engine().dataSource().getConnection()) {
            c.setAutoCommit(false);
            HistoryRow newest = store.newest(c, name);
            int attempt = newest == null
                    ? 1
                    : newest.state() == OperationState.DISPATCHED ? newest.attempt() : newest.attempt() + 1;
            Instant now = Instant.now();
            Attempt row = new Attempt(
                    name,
                    op == null ? "unknown" : op.className(),
                    OperationState.FAILED,
                    attempt,
                    null,
                    reason,
                    now,
                    now);
            store.insertFailure(c, row, cause == null ? new IllegalStateException(reason) : cause);
            c.commit();
        }
    }

    private void recordDeferred(String id, String reason) throws Exception {
        DeferredStore store = backend.deferredStore();
        try (Connection c = backend.engine().dataSource().getConnection()) {
            DeferredStore.Row row = store.find(c, id);
            if (row != null) {
                store.attempted(c, id, DeferredStore.FAILED, row.attempt(), reason);
            }
        }
    }

    private static String describe(Throwable cause) {
        return cause == null ? "no cause given" : Execution.message(cause);
    }
}
