package dev.sequencer.internal.async;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationState;
import dev.sequencer.PartitionedOperation;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.store.Attempt;
import dev.sequencer.internal.store.PartitionStore;
import dev.sequencer.internal.store.PartitionStore.Partition;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Dispatching a {@code @Partitioned} operation, inside the dispatch transaction: its partitions, computed once by
 * {@code partitions(ctx)} the first time and kept across runs (a later dispatch sets those that are not completed
 * back to pending), and one task per partition that is not completed. Task instance: {@code <operation>#<partition
 * id>}, data: the attempt number of the dispatch.
 */
final class PartitionDispatch {

    static final char SEPARATOR = '#';

    private final Engine engine;
    private final OperationAttempts attempts;

    PartitionDispatch(Engine engine, OperationAttempts attempts) {
        this.engine = engine;
        this.attempts = attempts;
    }

    /** The operation name of a partition task's instance id. */
    static String operationOf(String instance) {
        int separator = instance.lastIndexOf(SEPARATOR);
        return separator < 0 ? instance : instance.substring(0, separator);
    }

    /** The partition id of a partition task's instance id. */
    static long partitionOf(String instance) {
        return Long.parseLong(instance.substring(instance.lastIndexOf(SEPARATOR) + 1));
    }

    /**
     * Stores the partitions (or resets the unfinished ones) and schedules their tasks at {@code due}, after the
     * {@code dispatched} row of {@code attempt} was written; returns the detail for the run report.
     */
    String dispatch(Connection c, SchedulerClient client, OperationDescriptor op, int attempt, Instant due)
            throws SQLException {
        PartitionStore store = engine.partitions();
        List<Partition> partitions = store.of(c, op.name());
        if (partitions.isEmpty()) {
            store.insert(c, op.name(), keys(c, op, attempt));
        } else {
            store.resetUnfinished(c, op.name());
        }
        partitions = store.of(c, op.name());
        int scheduled = 0;
        for (Partition p : partitions) {
            if (!p.state().equals(PartitionStore.COMPLETED)) {
                client.scheduleIfNotExists(
                        new TaskInstance<>(
                                AsyncBackend.PARTITION_TASK, op.name() + SEPARATOR + p.id(), String.valueOf(attempt)),
                        due);
                scheduled++;
            }
        }
        if (scheduled == 0) {
            Instant now = Instant.now();
            engine.store()
                    .insert(
                            c,
                            new Attempt(
                                    op.name(),
                                    op.className(),
                                    OperationState.COMPLETED,
                                    attempt,
                                    null,
                                    "no partition is left to run",
                                    now,
                                    now));
            return "no partition is left to run: completed";
        }
        return scheduled + " of " + partitions.size() + " partitions";
    }

    /** The operation's partition keys, checked: unique, not blank, at most {@value PartitionStore#KEY_LENGTH} long. */
    private List<String> keys(Connection c, OperationDescriptor op, int attempt) {
        List<String> keys;
        try {
            OperationHandler handler = engine.instantiation().operation(op);
            if (!(handler instanceof PartitionedOperation partitioned)) {
                throw new SequencerException("Operation " + op.name() + " (" + op.className() + ") is @Partitioned"
                        + " but does not implement PartitionedOperation; rebuild it with the processor");
            }
            keys = partitioned.partitions(attempts.context(c, op, attempt));
        } catch (SequencerException e) {
            throw e;
        } catch (Exception e) {
            throw new SequencerException(
                    "Operation " + op.name() + ": partitions() failed: " + e + " (nothing was dispatched)", e);
        }
        if (keys == null) {
            throw new SequencerException("Operation " + op.name() + ": partitions() returned null; return a list");
        }
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (key == null || key.isBlank() || key.length() > PartitionStore.KEY_LENGTH) {
                throw new SequencerException("Operation " + op.name() + ": partition key '" + key + "' is blank or"
                        + " longer than " + PartitionStore.KEY_LENGTH + " characters");
            }
            if (!seen.add(key)) {
                throw new SequencerException("Operation " + op.name() + ": partition key '" + key + "' is listed twice;"
                        + " partition keys must be unique");
            }
        }
        return keys;
    }
}
