package dev.sequencer.support;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationPolicy;
import dev.sequencer.PartitionedOperation;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A partitioned backfill for the tests: partitions {@code p00}, {@code p01}, ...; each writes its effect (the partition
 * key and the JVM that ran it) to {@code partition_effects} in its transaction, after recording in {@code overlap} how
 * many partitions were running at that moment (on a connection of its own, so that every worker sees it).
 */
public final class Backfill implements PartitionedOperation {

    public static final String NAME = "2024_05_01_000000_backfill";

    private final int partitions;
    private final Duration work;
    private final Predicate<String> fails;
    private final boolean blockOnFirstAttempt;

    /**
     * @param work how long each partition works, holding its place among the running ones
     * @param fails which partitions throw (after writing their effect, which is rolled back)
     * @param blockOnFirstAttempt whether a partition's first attempt (no marker yet) blocks for ten minutes, for the
     *     kill tests
     */
    public Backfill(int partitions, Duration work, Predicate<String> fails, boolean blockOnFirstAttempt) {
        this.partitions = partitions;
        this.work = work;
        this.fails = fails;
        this.blockOnFirstAttempt = blockOnFirstAttempt;
    }

    /** The descriptor of an asynchronous, partitioned {@link #NAME}. */
    public static OperationDescriptor descriptor(int attempts, int concurrency, Supplier<Backfill> handler) {
        OperationPolicy policy = new OperationPolicy(attempts, List.of(), null, false, List.of(), concurrency);
        return AsyncFixtures.op("2024_05_01_000000", "backfill", true, policy, handler::get);
    }

    public static String key(int i) {
        return String.format("p%02d", i);
    }

    @Override
    public List<String> partitions(OperationContext context) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            keys.add(key(i));
        }
        return keys;
    }

    @Override
    public void handlePartition(OperationContext context, String partition) throws Exception {
        boolean first;
        try (Connection own = context.dataSource().getConnection()) {
            own.setAutoCommit(true);
            first = !exists(own, "select 1 from markers where name = '" + partition + "'");
            execute(own, "insert into markers (name, note) values ('" + partition + "', '" + jvm() + "')");
            execute(own, "insert into running_now (partition_key) values ('" + partition + "')");
            try (Statement s = own.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from running_now")) {
                rs.next();
                execute(own, "insert into overlap (seen) values (" + rs.getInt(1) + ")");
            }
        }
        try {
            try (PreparedStatement ps = context.connection()
                    .prepareStatement("insert into partition_effects (partition_key, note) values (?, ?)")) {
                ps.setString(1, partition);
                ps.setString(2, jvm());
                ps.executeUpdate();
            }
            if (blockOnFirstAttempt && first) {
                Thread.sleep(Duration.ofMinutes(10).toMillis()); // the kill test kills this JVM here
            }
            Thread.sleep(work.toMillis());
            if (fails.test(partition)) {
                throw new IllegalStateException("partition " + partition + " is broken");
            }
        } finally {
            try (Connection own = context.dataSource().getConnection()) {
                own.setAutoCommit(true);
                execute(own, "delete from running_now where partition_key = '" + partition + "'");
            }
        }
    }

    private static boolean exists(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String jvm() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
