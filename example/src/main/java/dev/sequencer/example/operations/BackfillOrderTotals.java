package dev.sequencer.example.operations;

import dev.sequencer.OperationContext;
import dev.sequencer.PartitionedOperation;
import dev.sequencer.annotation.Asynchronous;
import dev.sequencer.annotation.Operation;
import dev.sequencer.annotation.Partitioned;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A partitioned backfill: the new {@code orders.total} column is filled in ten id ranges that the workers of every
 * node run in parallel (at most four at once, so the database keeps serving the application), each range exactly
 * once; a killed worker's range is taken over, and a failed range is retried or resumed by the next run without
 * redoing the others.
 */
@Asynchronous
@Partitioned(concurrency = 4)
@Operation(timestamp = "2024_01_08_000000", description = "Fill orders.total, in ten id ranges")
public final class BackfillOrderTotals implements PartitionedOperation {

    private static final int PARTITIONS = 10;

    /** Id ranges {@code "from-to"} covering every order, computed once when the operation is dispatched. */
    @Override
    public List<String> partitions(OperationContext context) throws Exception {
        long min;
        long max;
        try (Statement s = context.connection().createStatement();
                ResultSet rs = s.executeQuery("select min(id), max(id) from orders")) {
            rs.next();
            min = rs.getLong(1);
            max = rs.getLong(2);
        }
        long size = Math.max(1, (max - min + PARTITIONS) / PARTITIONS);
        List<String> ranges = new ArrayList<>();
        for (long from = min; from <= max; from += size) {
            ranges.add(from + "-" + Math.min(max, from + size - 1));
        }
        return ranges;
    }

    @Override
    public void handlePartition(OperationContext context, String range) throws Exception {
        String[] bounds = range.split("-");
        try (PreparedStatement ps = context.connection()
                .prepareStatement("update orders set total = quantity * unit_price where id between ? and ?")) {
            ps.setLong(1, Long.parseLong(bounds[0]));
            ps.setLong(2, Long.parseLong(bounds[1]));
            ps.executeUpdate();
        }
    }
}
