package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import java.util.Set;

/** The asynchronous backend as a run sees it. */
public interface Dispatcher {

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
}
