package dev.sequencer.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous operations that a run dispatches one after the other, stored together: up to {@value #SIZE}
 * {@code dispatched} rows and their tasks in one transaction, with JDBC batches, instead of one transaction each. Each
 * row is still stored with its task (all of the batch or none of it), so a crash loses nothing: an operation whose
 * batch did not commit is still pending for the next run.
 *
 * <p>The run sends what is queued before it does anything else (runs a synchronous operation, checks a dependency,
 * ends an interleaving point), so the order of a run and the state its steps see are those of one-by-one dispatch.
 * When a batch cannot be stored, none of it is, and its operations are dispatched one by one: the failure names its
 * operation and those before it are dispatched, exactly as without batching. Only {@linkplain Backend#batchable
 * batchable} operations are queued; partitioned and scheduled ones are dispatched on their own, as they run code.
 */
final class DispatchBatch {

    /** The most operations stored in one transaction. */
    static final int SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(DispatchBatch.class);

    /** Where the outcome of each operation goes. */
    interface Sink {
        /** {@code dispatch} was stored, as part of a batch that took {@code elapsed}. */
        void dispatched(Backend.Dispatch dispatch, Duration elapsed);

        /** Dispatches {@code dispatch} in a transaction of its own (throws naming the operation when it fails). */
        void dispatchOne(Backend.Dispatch dispatch);
    }

    private final Supplier<Backend> backend;
    private final Sink sink;
    private final List<Backend.Dispatch> queued = new ArrayList<>();

    DispatchBatch(Supplier<Backend> backend, Sink sink) {
        this.backend = backend;
        this.sink = sink;
    }

    /**
     * Dispatches {@code dispatch}: queued when it is batchable (sent when the batch is full or at the next
     * {@link #flush}), otherwise after what is queued and on its own.
     */
    synchronized void dispatch(Backend.Dispatch dispatch) {
        if (!backend.get().batchable(dispatch.op())) {
            flush();
            sink.dispatchOne(dispatch);
            return;
        }
        queued.add(dispatch);
        if (queued.size() >= SIZE) {
            flush();
        }
    }

    /** Stores what is queued. */
    synchronized void flush() {
        if (queued.isEmpty()) {
            return;
        }
        List<Backend.Dispatch> batch = List.copyOf(queued);
        queued.clear();
        Instant start = Instant.now();
        try {
            backend.get().dispatchAll(batch);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Dispatching {} operation(s) in one transaction failed, nothing of it was stored ({});"
                            + " dispatching them one by one",
                    batch.size(),
                    e.getMessage());
            batch.forEach(sink::dispatchOne);
            return;
        }
        Duration elapsed = Duration.between(start, Instant.now());
        batch.forEach(d -> sink.dispatched(d, elapsed));
    }
}
