package dev.sequencer.support;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker JVM for the multi-process tests: {@code WorkerMain <url> <registry> <count> <heartbeat>} runs a worker over
 * {@link #registry} until it is idle, then exits 0 (1 if it never became idle).
 */
public final class WorkerMain {

    public static final String SLOW = "2024_01_02_000000_slow";

    private WorkerMain() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<OperationDescriptor> ops = registry(args[1], Integer.parseInt(args[2]));
        boolean idle;
        try (Sequencer sequencer = sequencer(url, ops, args[3]);
                Worker worker = sequencer.worker()) {
            idle = worker.awaitIdle(Duration.ofMinutes(5));
        }
        System.out.println("worker " + ManagementFactory.getRuntimeMXBean().getName() + " idle=" + idle);
        System.exit(idle ? 0 : 1);
    }

    /** A Sequencer over {@code url} whose workers beat every {@code heartbeat} and are dead after four missed. */
    public static Sequencer sequencer(String url, List<OperationDescriptor> ops, String heartbeat) {
        return Sequencer.configure()
                .property("sequencer.url", url)
                .property("sequencer.flyway.locations", "classpath:db/async")
                .property("sequencer.lock.timeout", "60s")
                .property("sequencer.async.polling-interval", "100ms")
                .property("sequencer.async.threads", "2")
                .property("sequencer.async.heartbeat-interval", heartbeat)
                .property("sequencer.async.missed-heartbeats", "4")
                .registry(ops)
                .load();
    }

    /**
     * {@code many}: {@code count} asynchronous operations, each writing one row to {@code effects} (noted with the
     * JVM that ran it). {@code slow}: one asynchronous operation {@value #SLOW} that writes a marker row on a
     * connection of its own (committed at once), writes its effect in its transaction and, the first time only,
     * blocks for ten minutes, so that its JVM can be killed in the middle of the transaction. {@code plain}: the same
     * operation, not transactional. {@code partitioned}: {@link Backfill} with {@code count} partitions;
     * {@code partitioned-slow}: the same, each partition blocking on its first attempt.
     */
    public static List<OperationDescriptor> registry(String kind, int count) {
        List<OperationDescriptor> ops = new ArrayList<>();
        if (kind.equals("many")) {
            for (int i = 0; i < count; i++) {
                ops.add(AsyncFixtures.async(
                        "2024_01_01_000000", String.format("op_%03d", i), () -> AsyncFixtures.effect(jvm())));
            }
        } else if (kind.equals("partitioned")) {
            ops.add(Backfill.descriptor(1, 0, () -> new Backfill(count, Duration.ofMillis(50), p -> false, false)));
        } else if (kind.equals("partitioned-slow")) {
            ops.add(Backfill.descriptor(1, 0, () -> new Backfill(count, Duration.ZERO, p -> false, true)));
        } else if (kind.equals("plain")) {
            OperationDescriptor slow = AsyncFixtures.async("2024_01_02_000000", "slow", WorkerMain::slowPlain);
            ops.add(new OperationDescriptor(
                    slow.name(),
                    slow.timestamp(),
                    slow.className(),
                    "",
                    List.of(),
                    List.of(),
                    null,
                    false,
                    true,
                    true,
                    slow.source(),
                    slow.policy()));
        } else {
            ops.add(AsyncFixtures.async("2024_01_02_000000", "slow", WorkerMain::slow));
        }
        return ops;
    }

    private static OperationHandler slow() {
        return ctx -> {
            long before;
            try (Connection own = ctx.dataSource().getConnection()) {
                own.setAutoCommit(true);
                try (PreparedStatement ps = own.prepareStatement("select count(*) from markers where name = ?")) {
                    ps.setString(1, ctx.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        before = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = own.prepareStatement("insert into markers (name, note) values (?, ?)")) {
                    ps.setString(1, ctx.name());
                    ps.setString(2, jvm());
                    ps.executeUpdate();
                }
            }
            AsyncFixtures.effect(jvm()).handle(ctx);
            if (before == 0) {
                Thread.sleep(Duration.ofMinutes(10).toMillis()); // simulated long work; the test kills this JVM
            }
        };
    }

    /**
     * The non-transactional twin of {@link #slow}: its marker commits at once on its own (auto-commit) connection, and
     * the first time it then blocks before writing its effect.
     */
    private static OperationHandler slowPlain() {
        return ctx -> {
            long before;
            try (PreparedStatement ps =
                    ctx.connection().prepareStatement("select count(*) from markers where name = ?")) {
                ps.setString(1, ctx.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    before = rs.getLong(1);
                }
            }
            try (PreparedStatement ps =
                    ctx.connection().prepareStatement("insert into markers (name, note) values (?, ?)")) {
                ps.setString(1, ctx.name());
                ps.setString(2, jvm());
                ps.executeUpdate();
            }
            if (before == 0) {
                Thread.sleep(Duration.ofMinutes(10).toMillis()); // the test kills this JVM here
            }
            AsyncFixtures.effect(jvm()).handle(ctx);
        };
    }

    private static String jvm() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
