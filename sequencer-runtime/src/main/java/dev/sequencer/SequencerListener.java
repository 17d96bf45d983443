package dev.sequencer;

/**
 * Receives Sequencer's events. Register one with {@link Sequencer.Builder#listener} or list it in
 * {@code META-INF/services/dev.sequencer.SequencerListener}. Every method has an empty default; an exception thrown
 * by a listener is logged and does not stop the run.
 */
public interface SequencerListener {

    /**
     * A run is about to execute its first operation.
     *
     * @param event the event
     */
    default void operationsStarted(RunEvent event) {}

    /**
     * A run that executed operations has ended (successfully or not: see {@link RunEvent#failed()}).
     *
     * @param event the event
     */
    default void operationsEnded(RunEvent event) {}

    /**
     * A guard blocked a run before it touched anything.
     *
     * @param guard the guard's name
     * @param reason the guard's reason
     */
    default void runBlocked(String guard, String reason) {}

    /**
     * A run found no operation to execute.
     *
     * @param event the event
     */
    default void noPendingOperations(RunEvent event) {}

    /**
     * An operation is about to run.
     *
     * @param event the event
     */
    default void operationStarted(OperationEvent event) {}

    /**
     * Recorded {@code completed}.
     *
     * @param event the event
     */
    default void operationCompleted(OperationEvent event) {}

    /**
     * A running operation reported its progress through {@link OperationContext#progress(long, long)}.
     *
     * @param event the event
     */
    default void operationProgress(ProgressEvent event) {}

    /**
     * Recorded {@code skipped}; {@link OperationEvent#reason()} says why.
     *
     * @param event the event
     */
    default void operationSkipped(OperationEvent event) {}

    /**
     * Recorded {@code failed}; {@link OperationEvent#error()} is the failure.
     *
     * @param event the event
     */
    default void operationFailed(OperationEvent event) {}

    /**
     * Handed to the asynchronous backend and recorded {@code dispatched}.
     *
     * @param event the event
     */
    default void operationDispatched(OperationEvent event) {}

    /**
     * Undone after a later failure and recorded {@code rolled_back}.
     *
     * @param event the event
     */
    default void operationRolledBack(OperationEvent event) {}
}
