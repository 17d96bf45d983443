package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationTimeoutException;
import dev.sequencer.internal.config.Durations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Enforces {@code @Timeout}: the attempt runs on another thread; when the limit passes first, its connection is
 * aborted (the database rolls the transaction back), the thread interrupted, and the failure recorded. A
 * {@link Gate} decides atomically whether the attempt or the time limit records the outcome, so a slow commit can
 * never race a timeout.
 */
final class TimeLimit {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sequencer-timed-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private TimeLimit() {}

    interface Attempt {
        Execution run(Gate gate) throws SQLException;
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs a transactional attempt within {@code limit}; on timeout {@code onTimeout} records the failure. */
    static Execution run(
            OperationDescriptor op,
            Duration limit,
            Attempt attempt,
            java.util.function.Function<Throwable, Execution> onTimeout)
            throws SQLException {
        Gate gate = new Gate();
        Future<Execution> future = POOL.submit(() -> attempt.run(gate));
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (gate.timeOut()) {
                gate.abortConnection();
                future.cancel(true);
                return onTimeout.apply(timeout(op, limit));
            }
            return await(future); // the attempt is already recording its own outcome
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationTimeoutException("Interrupted while operation " + op.name() + " was running");
        }
    }

    /** Runs a non-transactional body within {@code limit} (none when {@code null}), interrupting it after. */
    static void runInterrupting(OperationDescriptor op, Duration limit, Body body) throws Exception {
        if (limit == null) {
            body.run();
            return;
        }
        Future<?> future = POOL.submit(() -> {
            body.run();
            return null;
        });
        try {
            future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(op, limit);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    private static OperationTimeoutException timeout(OperationDescriptor op, Duration limit) {
        return new OperationTimeoutException("Operation " + op.name() + " exceeded its time limit of "
                + Durations.format(limit) + " (@Timeout); its transaction was rolled back");
    }

    private static Execution await(Future<Execution> future) throws SQLException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            throw new OperationTimeoutException("Interrupted while waiting for an operation to finish");
        }
    }

    private static SQLException rethrow(Throwable cause) {
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new SQLException(cause);
    }

    /** Who records the outcome: the attempt ({@link #finish}) or the time limit ({@link #timeOut}), never both. */
    static class Gate {
        static final Gate NONE = new Gate() {
            @Override
            boolean finish() {
                return true;
            }
        };

        private final AtomicInteger state = new AtomicInteger();
        private final AtomicReference<Connection> connection = new AtomicReference<>();

        void bind(Connection c) {
            connection.set(c);
        }

        boolean finish() {
            return state.compareAndSet(0, 1);
        }

        boolean timeOut() {
            return state.compareAndSet(0, 2);
        }

        void abortConnection() {
            Connection c = connection.get();
            if (c != null) {
                try {
                    c.abort(Runnable::run);
                } catch (SQLException | RuntimeException e) {
                    // the attempt's thread rolls back when it notices it lost the gate
                }
            }
        }
    }
}
