package dev.sequencer.internal.execution;

import dev.sequencer.DeferredDescriptor;
import dev.sequencer.DeferredHandler;
import dev.sequencer.OperationDescriptor;
import java.sql.Connection;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One attempt of a deferred handler, by the protocol every operation follows: the handler's work and its
 * {@code completed} rows commit together; whatever the handler throws, an {@link Error} included, the transaction is
 * rolled back first and the failure returned, for the caller to record. The handler sees a connection that refuses to
 * end the transaction ({@link OperationConnection}).
 */
public final class DeferredAttempt {

    private final DataSource dataSource;
    private final Instantiation instantiation;
    private final Listeners listeners;

    public DeferredAttempt(DataSource dataSource, Instantiation instantiation, Listeners listeners) {
        this.dataSource = dataSource;
        this.instantiation = instantiation;
        this.listeners = listeners;
    }

    /** Writes rows inside the attempt's transaction. */
    public interface Rows {
        void write(Connection c) throws Exception;
    }

    /**
     * Runs {@code handler} once with {@code payload}.
     *
     * @param self the descriptor standing for the task in the handler's context
     * @param completed writes the task's {@code completed} row, in the handler's transaction
     * @return {@code null} once committed, or the failure, its work rolled back
     */
    public Throwable run(
            DeferredDescriptor handler, OperationDescriptor self, int attempt, String payload, Rows completed) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (Exception e) {
            return e;
        }
        OperationConnection guarded = OperationConnection.transactional(c, self.name(), Set.of());
        try {
            c.setAutoCommit(false);
            DeferredHandler instance = instantiation.deferred(handler);
            instance.handle(new RunContext(guarded.connection(), dataSource, self, attempt, listeners), payload);
            completed.write(c);
            c.commit();
        } catch (Throwable failure) {
            Transactions.rollBack(c, failure);
            Transactions.close(c, failure);
            return failure;
        }
        Transactions.close(c, null);
        return null;
    }
}
