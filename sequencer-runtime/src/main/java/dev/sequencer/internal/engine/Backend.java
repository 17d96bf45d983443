package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.Worker;
import java.time.Instant;
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
