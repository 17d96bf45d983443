package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;

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
}
