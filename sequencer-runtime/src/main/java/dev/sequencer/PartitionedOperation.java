package dev.sequencer;

import java.util.List;

/**
 * An operation whose work is split into partitions, for backfills that outgrow one node. With {@code @Partitioned}
 * and {@code @Asynchronous}, a run computes {@link #partitions} once and dispatches one task per partition; workers on
 * every node run them in parallel (at most {@code @Partitioned(concurrency)} at once), each partition exactly once: a
 * transactional operation's partition work and its {@code completed} partition row commit together. The operation is
 * {@code completed} when its last partition completes, {@code failed} when a partition has used up its
 * {@code @Retry} attempts; the next run then dispatches only the partitions that are not completed.
 *
 * <pre>{@code
 * public List<String> partitions(OperationContext ctx) {       // id ranges: "0-99999", "100000-199999", ...
 *     List<String> ranges = new ArrayList<>();
 *     for (long from = 0; from < 1_000_000; from += 100_000) {
 *         ranges.add(from + "-" + (from + 99_999));
 *     }
 *     return ranges;
 * }
 * public void handlePartition(OperationContext ctx, String range) throws Exception {
 *     String[] bounds = range.split("-");                       // update ... where id between bounds[0] and bounds[1]
 * }
 * }</pre>
 */
public interface PartitionedOperation extends OperationHandler {

    /**
     * The partitions of the work: keys the operation understands (id ranges, tenant ids, ...), computed once when the
     * operation is dispatched. Each key is at most 500 characters; keys must be unique.
     *
     * @param context the operation's context
     * @return the partition keys, in the order an inline run runs them
     * @throws Exception to fail the operation
     */
    List<String> partitions(OperationContext context) throws Exception;

    /**
     * Does the work of one partition, in the partition's own transaction (for a transactional operation).
     *
     * @param context the partition's context, its connection included
     * @param partition one of the keys {@link #partitions} returned
     * @throws Exception to fail the partition (retried as {@code @Retry} says)
     */
    void handlePartition(OperationContext context, String partition) throws Exception;

    /**
     * Runs every partition in order, in the caller's thread and transaction: what happens when the operation runs
     * inline (without {@code @Asynchronous}, in a {@code sync} run, or with {@code force-sync}). Reports progress.
     */
    @Override
    default void handle(OperationContext context) throws Exception {
        List<String> partitions = partitions(context);
        for (int i = 0; i < partitions.size(); i++) {
            handlePartition(context, partitions.get(i));
            context.progress(i + 1, partitions.size());
        }
    }
}
