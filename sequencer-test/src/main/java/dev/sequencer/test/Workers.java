package dev.sequencer.test;

import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import java.time.Duration;

/**
 * Finishes asynchronous work inside a test: {@code Workers.drain(sequencer)} runs what {@code process()} or
 * {@code migrate()} dispatched, and returns when it is done, so the test can assert on its outcome.
 */
public final class Workers {

    /** How long {@link #drain(Sequencer)} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Workers() {}

    /**
     * {@link #drain(Sequencer, Duration)} waiting at most {@link #DEFAULT_TIMEOUT}.
     *
     * @param sequencer the Sequencer whose dispatched work is run
     * @throws AssertionError when work is left after the timeout
     */
    public static void drain(Sequencer sequencer) {
        drain(sequencer, DEFAULT_TIMEOUT);
    }

    /**
     * Starts a worker of {@code sequencer}, waits until it is idle (every dispatched operation, deferred task and
     * retry due within {@code timeout} has run, whatever its outcome), and stops it.
     *
     * @param sequencer the Sequencer whose dispatched work is run
     * @param timeout how long to wait at most
     * @throws AssertionError when work is left after {@code timeout}, listing every operation with its state
     */
    public static void drain(Sequencer sequencer, Duration timeout) {
        drain(sequencer, sequencer.worker(), timeout);
    }

    /** Waits for {@code worker} of {@code sequencer} to be idle, then closes it. */
    static void drain(Sequencer sequencer, Worker worker, Duration timeout) {
        boolean idle;
        try (worker) {
            idle = worker.awaitIdle(timeout);
        }
        if (!idle) {
            throw new AssertionError("The worker was still busy after " + timeout.toMillis() + " ms.\n"
                    + StatusListing.of(sequencer, sequencer.status()));
        }
    }
}
