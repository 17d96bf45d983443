package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.Worker;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The asynchronous backend as the engine and the facade see it. */
public interface Backend {

    /**
     * Records {@code op} {@code dispatched} (as attempt {@code attempt}) and stores its task, in one transaction: both
     * or neither.
     *
     * @return a detail for the run report, for example when the task is due
     * @throws dev.sequencer.SequencerException naming the operation when nothing could be stored
     */
    String dispatch(OperationDescriptor op, int attempt);

    /** One operation to dispatch, as attempt {@code attempt}. */
    record Dispatch(OperationDescriptor op, int attempt) {}

    /**
     * Whether {@code op} may be dispatched in a batch with others: it is due now and its dispatch runs no code of
     * the operation (not partitioned, not a {@link dev.sequencer.ScheduledOperation}).
     */
    boolean batchable(OperationDescriptor op);

    /**
     * Records every operation of {@code batch} {@code dispatched} and stores its task, all in one transaction and with
     * JDBC batches: all of them or none. Only for {@linkplain #batchable batchable} operations.
     *
     * @throws RuntimeException when nothing could be stored; the caller may then dispatch them one by one
     */
    void dispatchAll(List<Dispatch> batch);

    /** The names of the operations that have a task in the backend's table (empty when it does not exist yet). */
    Set<String> operationTasks();

    /** What {@code status()} says of a dispatched operation whose task is gone. */
    String lostMessage(String name);

    /** Starts a worker in this JVM. */
    Worker worker();

    /** Stores a deferred task for the handler of {@code alias}, due at {@code dueAt}; returns its id. */
    String defer(String alias, String jsonPayload, Instant dueAt);

    /** Hands a dispatched operation whose task is lost to the workers again. */
    void redispatch(String name);
}
