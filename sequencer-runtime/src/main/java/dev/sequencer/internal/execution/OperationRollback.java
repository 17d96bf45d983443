package dev.sequencer.internal.execution;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationState;
import dev.sequencer.Rollbackable;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.internal.store.Attempt;
import dev.sequencer.internal.store.OperationStore;
import java.sql.Connection;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoes one completed operation: calls its {@code rollback()} in a transaction together with its
 * {@code rolled_back} row. A failure leaves it {@code completed} and is returned, never thrown.
 */
public final class OperationRollback {

    private static final Logger LOG = LoggerFactory.getLogger(OperationRollback.class);

    private final OperationExecutor executor;
    private final OperationStore store;

    public OperationRollback(OperationExecutor executor, OperationStore store) {
        this.executor = executor;
        this.store = store;
    }

    /**
     * Rolls {@code op} back, with {@code handler} (the instance that ran) or a new instance.
     *
     * @return {@code rolled_back}, or {@code completed} with the error when {@code rollback()} failed or the operation
     *     is not {@link Rollbackable}
     */
    public Execution rollBack(OperationDescriptor op, OperationHandler handler, int attempt, String why) {
        Instant started = Instant.now();
        OperationHandler target;
        try {
            target = handler != null ? handler : executor.instantiation().operation(op);
        } catch (Throwable e) {
            return stays(op, handler, started, e);
        }
        if (!(target instanceof Rollbackable rollbackable)) {
            NotRollbackableException e =
                    new NotRollbackableException(RuntimeMessage.NOT_ROLLBACKABLE.format(op.name(), op.className()));
            return Execution.of(OperationState.COMPLETED, handler, e.getMessage(), e, started);
        }
        Connection c = executor.recorder().connect(op);
        OperationConnection guarded = OperationConnection.transactional(c, op.name(), Set.of());
        try {
            c.setAutoCommit(false);
            rollbackable.rollback(executor.context(guarded, op, attempt));
            store.insert(c, Attempt.ended(op, OperationState.ROLLED_BACK, attempt, why, started));
            c.commit();
        } catch (Throwable e) {
            Transactions.rollBack(c, e);
            Transactions.close(c, e);
            return stays(op, target, started, e);
        }
        Transactions.close(c, null);
        return Execution.of(OperationState.ROLLED_BACK, target, why, null, started);
    }

    private static Execution stays(OperationDescriptor op, OperationHandler handler, Instant started, Throwable e) {
        LOG.error("Rolling back operation {} failed; it stays completed. Undo its effect by hand.", op.name(), e);
        return Execution.of(OperationState.COMPLETED, handler, Execution.message(e), e, started);
    }

    /** Asked to roll back an operation that cannot be. */
    static final class NotRollbackableException extends SequencerException {
        private static final long serialVersionUID = 1L;

        NotRollbackableException(String message) {
            super(message);
        }
    }
}
