package dev.sequencer;

import java.time.Duration;

/**
 * An asynchronous worker: executes Sequencer's dispatched, scheduled and deferred tasks in this JVM. Any number of
 * JVMs may run workers against the same database; each task runs on exactly one of them. Closing it stops it
 * gracefully.
 */
public interface Worker extends AutoCloseable {

    /**
     * Waits until no Sequencer task is due or executing.
     *
     * @param timeout how long to wait at most
     * @return true when idle, false when {@code timeout} ran out first
     */
    boolean awaitIdle(Duration timeout);

    /** Stops picking tasks and waits for the running ones to finish. */
    @Override
    void close();

    /**
     * A worker of {@code sequencer} that also closes {@code sequencer} when it is closed (for generated code).
     *
     * @param sequencer the Sequencer whose worker it is; closed if the worker cannot start
     * @return the running worker
     */
    static Worker closing(Sequencer sequencer) {
        Worker worker;
        try {
            worker = sequencer.worker();
        } catch (RuntimeException e) {
            sequencer.close();
            throw e;
        }
        return new Worker() {
            @Override
            public boolean awaitIdle(Duration timeout) {
                return worker.awaitIdle(timeout);
            }

            @Override
            public void close() {
                try {
                    worker.close();
                } finally {
                    sequencer.close();
                }
            }
        };
    }
}
