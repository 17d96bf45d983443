package dev.sequencer.bench;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationPolicy;
import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.PartitionedOperation;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * B11: a backfill of {@code rows} rows split into {@code partitions} id ranges, run as a {@code @Partitioned}
 * asynchronous operation by one worker with 1, 2 and 4 threads, against the same operation run as one plain operation
 * (its default {@code handle}: every range in order, in one thread and one transaction). Each trial starts from a new
 * table; the data is checked after every trial (every row filled, each exactly once).
 */
final class B11Backfill {

    static final String NAME = "2024_05_01_000000_backfill_order_totals";
    private static final int[] THREADS = {1, 2, 4};

    private B11Backfill() {}

    static List<Row> run(Config config, Db.Kind kind) throws Exception {
        int rows = config.b11();
        int partitions = config.smoke() ? 10 : 100;
        String label = String.format("%,d rows / %d", rows, partitions);
        String database = kind == Db.Kind.H2 ? "H2" : "PostgreSQL";
        List<Harness.Trial> trials = new ArrayList<>();
        trials.add(() -> trial(config, kind, rows, partitions, 0));
        for (int threads : THREADS) {
            trials.add(() -> trial(config, kind, rows, partitions, threads));
        }
        Sample[] samples = Harness.rotate(config, trials);
        List<Row> result = new ArrayList<>();
        for (int i = 0; i < THREADS.length; i++) {
            result.add(new Row(
                    "B11",
                    "backfill: one plain operation vs @Partitioned on a " + THREADS[i] + "-thread worker, " + database,
                    label,
                    samples[0],
                    samples[i + 1],
                    "ms",
                    false,
                    Double.NaN,
                    null));
        }
        return result;
    }

    /**
     * Timed: the whole backfill, from process() to the last partition's commit ({@code threads} 0: the plain
     * operation inline in process(); otherwise process() dispatches and a worker with that many threads drains).
     */
    private static long trial(Config config, Db.Kind kind, int rows, int partitions, int threads) throws Exception {
        try (Db db = Db.fresh(kind, config.postgresUrl())) {
            createOrders(db, rows);
            boolean partitioned = threads > 0;
            List<OperationDescriptor> registry = List.of(descriptor(rows, partitions, partitioned));
            try (Sequencer sequencer = Sequencer.configure()
                    .dataSource(db.dataSource)
                    .registry(registry)
                    .property("sequencer.flyway.locations", Seq.NO_MIGRATIONS)
                    .property("sequencer.flyway.baseline-on-migrate", "true") // the orders table is already there
                    .property("sequencer.async.threads", String.valueOf(Math.max(1, threads)))
                    .property("sequencer.async.polling-interval", "100ms")
                    .load()) {
                long elapsed = partitioned ? dispatchAndDrain(sequencer) : inline(sequencer);
                check(db, sequencer, rows, partitioned ? partitions : 0);
                return elapsed;
            }
        }
    }

    private static long inline(Sequencer sequencer) {
        return Seq.timedProcess(sequencer, 1);
    }

    private static long dispatchAndDrain(Sequencer sequencer) throws Exception {
        long t0 = System.nanoTime();
        try (Worker worker = sequencer.worker()) {
            RunReport report = sequencer.process();
            if (report.operations().size() != 1) {
                throw new IllegalStateException(
                        "process() reported " + report.operations().size() + " operations");
            }
            if (!worker.awaitIdle(Duration.ofMinutes(30))) {
                throw new IllegalStateException("the worker did not drain the backfill in 30 minutes");
            }
        }
        return System.nanoTime() - t0;
    }

    /** Every row filled once (the counter column counts the writes), the operation completed with all partitions. */
    private static void check(Db db, Sequencer sequencer, int rows, int partitions) throws SQLException {
        try (Connection c = db.dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), sum(case when total_cents = price_cents * quantity"
                        + " and writes = 1 then 1 else 0 end) from bench_orders")) {
            rs.next();
            if (rs.getLong(1) != rows || rs.getLong(2) != rows) {
                throw new IllegalStateException("backfill wrong: " + rs.getLong(2) + " of " + rs.getLong(1)
                        + " rows filled exactly once, expected " + rows);
            }
        }
        OperationStatus status = sequencer.status().get(0);
        if (status.state() != OperationState.COMPLETED) {
            throw new IllegalStateException("the backfill is " + status.state() + ", not completed");
        }
        if (partitions > 0
                && (status.partitions() == null
                        || status.partitions().completed() != partitions
                        || status.partitions().total() != partitions)) {
            throw new IllegalStateException("partitions: " + status.partitions() + ", expected " + partitions);
        }
    }

    private static void createOrders(Db db, int rows) {
        String series = db.kind == Db.Kind.H2
                ? "select x, mod(x, 9973) + 100, mod(x, 7) + 1 from system_range(1, " + rows + ")"
                : "select x, mod(x, 9973) + 100, mod(x, 7) + 1 from generate_series(1, " + rows + ") as x";
        db.execute(
                "create table bench_orders (id bigint not null, price_cents int not null, quantity int not null,"
                        + " total_cents bigint, writes int not null default 0, primary key (id))",
                "insert into bench_orders (id, price_cents, quantity) " + series,
                db.kind == Db.Kind.H2 ? "analyze" : "vacuum analyze bench_orders");
    }

    private static OperationDescriptor descriptor(int rows, int partitions, boolean partitioned) {
        OperationPolicy policy =
                partitioned ? new OperationPolicy(1, List.of(), null, false, List.of(), 0) : OperationPolicy.DEFAULT;
        OperationDescriptor.Source source = new OperationDescriptor.Source() {
            @Override
            public Class<? extends OperationHandler> type() {
                return BackfillOrderTotals.class;
            }

            @Override
            public OperationHandler newInstance() {
                return new BackfillOrderTotals(rows, partitions);
            }
        };
        return new OperationDescriptor(
                NAME,
                "20240501000000",
                BackfillOrderTotals.class.getName(),
                "",
                List.of(),
                List.of(),
                null,
                true,
                partitioned,
                true,
                source,
                policy);
    }

    /** Fills {@code total_cents} in id ranges {@code "from-to"}, one update statement per range. */
    static final class BackfillOrderTotals implements PartitionedOperation {

        private final int rows;
        private final int partitions;

        BackfillOrderTotals(int rows, int partitions) {
            this.rows = rows;
            this.partitions = partitions;
        }

        @Override
        public List<String> partitions(OperationContext context) {
            int size = (rows + partitions - 1) / partitions;
            List<String> ranges = new ArrayList<>();
            for (long from = 1; from <= rows; from += size) {
                ranges.add(from + "-" + Math.min(rows, from + size - 1));
            }
            return ranges;
        }

        @Override
        public void handlePartition(OperationContext context, String range) throws Exception {
            String[] bounds = range.split("-");
            long from = Long.parseLong(bounds[0]);
            long to = Long.parseLong(bounds[1]);
            try (PreparedStatement ps = context.connection()
                    .prepareStatement("update bench_orders set total_cents = price_cents * quantity,"
                            + " writes = writes + 1 where id between ? and ?")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                int updated = ps.executeUpdate();
                if (updated != to - from + 1) {
                    throw new IllegalStateException("range " + range + " updated " + updated + " rows");
                }
            }
        }
    }
}
