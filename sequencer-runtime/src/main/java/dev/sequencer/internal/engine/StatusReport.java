package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.store.HistoryRow;
import dev.sequencer.internal.store.PartitionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code status()}: every operation of the registry with its newest row, whether the next run would execute it (by
 * the same {@link PendingRules} as a run), whether a dispatched one is lost (its task gone), and the progress of
 * partitioned ones.
 */
final class StatusReport {

    private final Engine engine;

    StatusReport(Engine engine) {
        this.engine = engine;
    }

    List<OperationStatus> status() {
        // Tasks first: a worker commits completed before it removes the task, so no completed one looks lost.
        Set<String> tasks = engine.backend().operationTasks();
        Map<String, HistoryRow> history = engine.history();
        Map<String, PartitionStore.Progress> partitions = partitions();
        PendingRules rules = new PendingRules(history, tasks, engine.runsIdle(history), false);
        List<OperationStatus> status = new ArrayList<>();
        for (OperationDescriptor op : engine.registry()) {
            HistoryRow row = history.get(op.name());
            if (row == null) {
                status.add(new OperationStatus(op.name(), null, true, 0, null, null, null));
                continue;
            }
            PendingRules.Verdict verdict = rules.verdict(op);
            boolean lost = row.state() == OperationState.DISPATCHED && !tasks.contains(op.name());
            String message = lost
                    ? engine.backend().lostMessage(op.name())
                    : verdict.interrupted() ? verdict.why() : row.reason();
            PartitionStore.Progress progress = partitions.get(op.name());
            status.add(new OperationStatus(
                    op.name(),
                    row.state(),
                    verdict.pending(),
                    row.attempts(),
                    row.startedAt(),
                    row.finishedAt(),
                    message,
                    lost,
                    progress == null ? null : new OperationStatus.Partitions(progress.completed(), progress.total())));
        }
        return status;
    }

    /** The progress of partitioned operations, read only when the registry has some. */
    private Map<String, PartitionStore.Progress> partitions() {
        if (engine.registry().stream().noneMatch(op -> op.policy().partitioned())) {
            return Map.of();
        }
        try (Connection c = engine.dataSource().getConnection()) {
            return engine.partitions().progress(c);
        } catch (SQLException e) {
            throw new SequencerException("Cannot read the partitions' progress: " + e.getMessage(), e);
        }
    }
}
