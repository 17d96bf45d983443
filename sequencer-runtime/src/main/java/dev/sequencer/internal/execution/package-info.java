/**
 * One attempt of one operation, by the protocol every execution path shares (runs, batches, workers, deferred
 * tasks): the operation's work runs on a connection that refuses to end its transaction ({@link
 * dev.sequencer.internal.execution.OperationConnection}); whatever it throws, the work is rolled back first, then the
 * attempt is recorded ({@link dev.sequencer.internal.execution.AttemptRecorder}), then the caller decides what to
 * rethrow. {@link dev.sequencer.internal.execution.OperationExecutor} holds the paths (transactional,
 * non-transactional, in a batch, unrecorded), {@link dev.sequencer.internal.execution.HandlerCall} the operation's
 * side of an attempt, {@link dev.sequencer.internal.execution.TimeLimit} {@code @Timeout}, and {@link
 * dev.sequencer.internal.execution.OperationRollback} undoing one completed operation.
 */
package dev.sequencer.internal.execution;
