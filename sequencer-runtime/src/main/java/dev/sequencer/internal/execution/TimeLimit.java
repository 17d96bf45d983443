package dev.sequencer.internal.execution;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationTimeoutException;
import dev.sequencer.internal.config.Durations;
import dev.sequencer.internal.message.RuntimeMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Enforces {@code @Timeout} on the operation's own code: it runs on a thread of its own; when the limit passes first,
 * the statement running on its connection is cancelled (so it stops on the server too), the connection is aborted
 * (the database rolls an open transaction back) and the thread is interrupted. The caller records the failure on
 * another connection and never touches the aborted one again. Each timed attempt has its own thread: nothing is shared
 * between attempts or runs.
 */
final class TimeLimit {

    private TimeLimit() {}

    interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code work} within {@code op}'s time limit (none: on this thread).
     *
     * @param connection the operation's connection, raw underneath {@code statements}
     * @throws OperationTimeoutException when the limit passed; the work is stopped as far as it can be
     */
    static <T> T run(
            OperationDescriptor op,
            Connection connection,
            OperationConnection statements,
            boolean transactional,
            Work<T> work)
            throws Exception {
        Duration limit = op.policy().timeout();
        if (limit == null) {
            return work.run();
        }
        FutureTask<T> task = new FutureTask<>(work::run);
        Thread thread = new Thread(task, "sequencer-timed-" + op.name());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            statements.cancelStatements();
            abort(connection);
            task.cancel(true);
            throw new OperationTimeoutException(message(op, limit, transactional));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        } catch (InterruptedException e) {
            statements.cancelStatements();
            abort(connection);
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new OperationTimeoutException("Interrupted while operation " + op.name() + " was running");
        }
    }

    private static String message(OperationDescriptor op, Duration limit, boolean transactional) {
        return (transactional ? RuntimeMessage.TIME_LIMIT_TRANSACTIONAL : RuntimeMessage.TIME_LIMIT_NOT_TRANSACTIONAL)
                .format(op.name(), Durations.format(limit));
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // already closed or broken: either way it can do no more
        }
    }
}
