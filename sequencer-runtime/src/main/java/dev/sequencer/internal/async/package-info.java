/**
 * The asynchronous backend on db-scheduler ({@link dev.sequencer.internal.async.AsyncBackend}): a dispatch writes the
 * {@code dispatched} row and the task in one transaction; workers ({@link dev.sequencer.internal.async.AsyncWorker})
 * run tasks through {@link dev.sequencer.internal.async.TaskRunner} with the engine's attempt protocol, and {@link
 * dev.sequencer.internal.async.TaskFailures} gives up on tasks that cannot reach an outcome; deferred tasks live in
 * {@link dev.sequencer.internal.async.DeferredStore}.
 */
package dev.sequencer.internal.async;
