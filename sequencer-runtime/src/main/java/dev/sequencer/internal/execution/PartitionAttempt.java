package dev.sequencer.internal.execution;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationEvent;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationState;
import dev.sequencer.PartitionedOperation;
import dev.sequencer.ProgressEvent;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.store.Attempt;
import dev.sequencer.internal.store.HistoryRow;
import dev.sequencer.internal.store.OperationStore;
import dev.sequencer.internal.store.PartitionStore;
import dev.sequencer.internal.store.PartitionStore.Partition;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of one partition of a {@code @Partitioned} operation on a worker, by the protocol every attempt follows.
 * It first takes a slot: under the lock of the operation's {@code dispatched} row, no more than
 * {@code @Partitioned(concurrency)} partitions run at once, cluster-wide. A transactional partition's work and its
 * {@code completed} partition row commit together, with the operation's {@code completed} row when it is the last one;
 * whatever the work throws, it is rolled back first, then the attempt is recorded: {@code pending} for a retry, or
 * {@code failed}, which fails the operation.
 */
public final class PartitionAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionAttempt.class);

    private final DataSource dataSource;
    private final OperationStore operations;
    private final PartitionStore partitions;
    private final Instantiation instantiation;
    private final Listeners listeners;
    private final String owner;

    public PartitionAttempt(
            DataSource dataSource,
            OperationStore operations,
            PartitionStore partitions,
            Instantiation instantiation,
            Listeners listeners,
            String owner) {
        this.dataSource = dataSource;
        this.operations = operations;
        this.partitions = partitions;
        this.instantiation = instantiation;
        this.listeners = listeners;
        this.owner = owner;
    }

    /** What became of the attempt. */
    public enum Result {
        /** The partition is completed (and, if it was the last one, the operation too). */
        COMPLETED,
        /** The concurrency limit is reached: the partition waits, it did not run. */
        WAIT,
        /** The partition failed and will be retried after {@link Outcome#retryIn()}. */
        RETRY,
        /** The partition failed for good, and so did the operation. */
        FAILED,
        /** Nothing to do: the partition is done, or its dispatch is over, or another worker took it over. */
        GONE
    }

    /**
     * How the attempt ended.
     *
     * @param result what became of it
     * @param retryIn when to try again, for {@link Result#RETRY}
     */
    public record Outcome(Result result, Duration retryIn) {
        static Outcome of(Result result) {
            return new Outcome(result, Duration.ZERO);
        }
    }

    /** Runs partition {@code partitionId} of {@code op}, dispatched by {@code dispatched}. */
    public Outcome run(OperationDescriptor op, HistoryRow dispatched, long partitionId) {
        Instant started = Instant.now();
        Slot slot = takeSlot(op, dispatched, partitionId);
        if (slot.refused() != null) {
            return Outcome.of(slot.refused());
        }
        Partition partition = slot.partition();
        int attempt = partition.attempts() + 1;
        Connection c = connect(op);
        OperationConnection connection = op.transactional()
                ? OperationConnection.transactional(c, op.name(), Set.of())
                : OperationConnection.plain(c, op.name());
        RunContext context = new RunContext(connection.connection(), dataSource, op, attempt, listeners);
        boolean last;
        try {
            c.setAutoCommit(!op.transactional());
            OperationHandler handler = instantiation.operation(op);
            if (!(handler instanceof PartitionedOperation partitioned)) {
                throw new SequencerException("Operation " + op.name() + " (" + op.className() + ") is @Partitioned"
                        + " but does not implement PartitionedOperation; rebuild it with the processor");
            }
            TimeLimit.run(op, c, connection, op.transactional(), () -> {
                partitioned.handlePartition(context, partition.key());
                return null;
            });
            if (!op.transactional()) {
                Transactions.commitLeftOpen(c);
                c.setAutoCommit(false); // the completed rows, in a transaction of their own
            }
            Boolean finished = complete(c, op, dispatched, partition, started);
            if (finished == null) {
                c.rollback();
                Transactions.close(c, null);
                LOG.info(
                        "Partition {} of {}: another worker took it over; this attempt gave way",
                        partition.key(),
                        op.name());
                return Outcome.of(Result.GONE);
            }
            c.commit();
            last = finished;
        } catch (Throwable failure) {
            Transactions.rollBack(c, failure);
            Transactions.close(c, failure);
            return failed(op, dispatched, partition, attempt, started, failure);
        }
        Transactions.close(c, null);
        reportProgress(op, operationStart(dispatched, started), last);
        return Outcome.of(Result.COMPLETED);
    }

    /** A slot taken ({@code partition}), or refused ({@link Result#WAIT} or {@link Result#GONE}). */
    private record Slot(Result refused, Partition partition) {}

    /**
     * Under the lock of the {@code dispatched} row: marks the partition {@code running} for this worker, unless there
     * is nothing to do or the concurrency limit is reached.
     */
    private Slot takeSlot(OperationDescriptor op, HistoryRow dispatched, long id) {
        return inTransaction(op, "cannot start partition " + id, c -> {
            if (!operations.claim(c, op.name(), dispatched.id())) {
                return new Slot(Result.GONE, null); // a newer row: the operation failed or was dispatched again
            }
            Partition p = partitions.find(c, id);
            if (p == null
                    || p.state().equals(PartitionStore.COMPLETED)
                    || p.state().equals(PartitionStore.FAILED)) {
                return new Slot(Result.GONE, null);
            }
            int limit = op.policy().partitionConcurrency();
            if (limit > 0 && partitions.runningOthers(c, op.name(), id) >= limit) {
                return new Slot(Result.WAIT, null);
            }
            if (p.state().equals(PartitionStore.RUNNING)) {
                LOG.warn("Partition {} of {}: the worker running it is gone; taking it over", p.key(), op.name());
            }
            partitions.markRunning(c, id, owner);
            return new Slot(null, p);
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** {@code work} in a transaction of its own, committed; a failure names the operation and keeps its cause. */
    private <T> T inTransaction(OperationDescriptor op, String what, Work<T> work) {
        Connection c = connect(op);
        Throwable failure = null;
        try {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            failure = e;
            Transactions.rollBack(c, e);
            throw new SequencerException("Operation " + op.name() + ": " + what + ": " + Execution.message(e), e);
        } finally {
            Transactions.close(c, failure);
        }
    }

    /**
     * In the attempt's transaction, under the lock of the {@code dispatched} row: the partition {@code completed},
     * and the operation {@code completed} when no partition is left. Returns whether it was the last one, or
     * {@code null} when another worker took the partition over.
     */
    private Boolean complete(
            Connection c, OperationDescriptor op, HistoryRow dispatched, Partition partition, Instant started)
            throws SQLException {
        operations.claim(c, op.name(), dispatched.id());
        if (!partitions.complete(c, partition.id(), owner)) {
            return null;
        }
        if (partitions.anyNotCompleted(c, op.name())) {
            return false;
        }
        Instant now = Instant.now();
        operations.insert(
                c,
                new Attempt(
                        op.name(),
                        op.className(),
                        OperationState.COMPLETED,
                        dispatched.attempt(),
                        null,
                        null, // status() and info() say "n/n partitions completed"
                        operationStart(dispatched, started),
                        now));
        return true;
    }

    /** Records a failed attempt of the partition, and the operation's failure when it has no attempt left. */
    private Outcome failed(
            OperationDescriptor op,
            HistoryRow dispatched,
            Partition partition,
            int attempt,
            Instant started,
            Throwable failure) {
        boolean retried = attempt < op.policy().attempts();
        String error = Execution.message(failure);
        try {
            inTransaction(op, "recording the failure of partition '" + partition.key() + "'", c -> {
                operations.claim(c, op.name(), dispatched.id());
                partitions.attemptFailed(
                        c, partition.id(), retried ? PartitionStore.PENDING : PartitionStore.FAILED, error);
                if (!retried) {
                    operations.insertFailure(
                            c,
                            new Attempt(
                                    op.name(),
                                    op.className(),
                                    OperationState.FAILED,
                                    dispatched.attempt(),
                                    null,
                                    "partition '" + partition.key() + "' failed after " + attempt + " attempt(s): "
                                            + error,
                                    operationStart(dispatched, started),
                                    Instant.now()),
                            failure);
                }
                return null;
            });
        } catch (SequencerException e) {
            e.addSuppressed(failure);
            throw e;
        }
        if (retried) {
            Duration delay = op.policy().delayBefore(attempt + 1);
            LOG.warn(
                    "Partition '{}' of {} failed on attempt {} of {}: {}; retrying in {} ms",
                    partition.key(),
                    op.name(),
                    attempt,
                    op.policy().attempts(),
                    error,
                    delay.toMillis());
            return new Outcome(Result.RETRY, delay);
        }
        LOG.error(
                "Partition '{}' of {} failed for good on attempt {}: {}; the operation is failed",
                partition.key(),
                op.name(),
                attempt,
                error);
        listeners.operationFailed(new OperationEvent(
                op.name(), op, Duration.between(operationStart(dispatched, started), Instant.now()), null, failure));
        return Outcome.of(Result.FAILED);
    }

    /**
     * When the operation started, as its history rows say (its dispatch): the events of a partitioned operation
     * measure the operation, not the partition that happens to send them, so that rates, estimates and durations
     * agree with {@code history}.
     */
    private static Instant operationStart(HistoryRow dispatched, Instant partitionStarted) {
        return dispatched.startedAt() == null ? partitionStarted : dispatched.startedAt();
    }

    private void reportProgress(OperationDescriptor op, Instant started, boolean last) {
        try (Connection c = dataSource.getConnection()) {
            PartitionStore.Progress progress = partitions.progress(c).get(op.name());
            if (progress != null) {
                listeners.operationProgress(new ProgressEvent(
                        op.name(), progress.completed(), progress.total(), Duration.between(started, Instant.now())));
            }
        } catch (SQLException e) {
            LOG.debug("Cannot read the progress of {}", op.name(), e);
        }
        if (last) {
            LOG.info("Operation {}: its last partition completed; the operation is completed", op.name());
            listeners.operationCompleted(
                    new OperationEvent(op.name(), op, Duration.between(started, Instant.now()), null, null));
        }
    }

    private Connection connect(OperationDescriptor op) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new SequencerException(
                    "Operation " + op.name() + ": no connection for a partition: " + e.getMessage(), e);
        }
    }
}
