package dev.sequencer.bench;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationEvent;
import dev.sequencer.RunEvent;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import dev.sequencer.SequencerListener;
import java.util.ArrayList;
import java.util.List;

/**
 * B7: process() cost per operation at N = 100, 1,000, 10,000 pending, on H2 so that the database does not hide the
 * runtime's own scaling. The per-operation cost is the time from the run's "operations started" event to the last
 * "operation completed" event, divided by N: it excludes the fixed cost of a run (pool, lock, tables, Flyway: about
 * 100 ms, which at N=100 is 100 times the operations' own cost) and includes everything the engine does between
 * operations. The idle row: process() with nothing to do over a history of N completed operations, total time per
 * registered operation, at 10,000 vs at 1,000.
 */
final class B7Scaling {

    private B7Scaling() {}

    static List<Row> run(Config config) throws Exception {
        int[] sizes = config.b7();
        Sample[] perOp = new Sample[sizes.length];
        Sample[] idle = new Sample[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            List<OperationDescriptor> registry = Registries.first(sizes[i]);
            perOp[i] = Harness.measure(config, () -> pending(config, registry)).minusThenPer(0, sizes[i]);
            idle[i] = Harness.measure(config, () -> idle(config, registry)).minusThenPer(0, sizes[i]);
            Harness.log(
                    "B7 N=%d: %s per pending operation; idle run %s per registered operation",
                    sizes[i], perOp[i].describe("ms"), idle[i].describe("ms"));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < sizes.length; i++) {
            String note = Registries.generated(sizes[i]) ? null : B2Bookkeeping.copiesNote(sizes[i]);
            rows.add(new Row(
                    "B7",
                    "process() per pending op (first start to last completion), at N vs at " + sizes[0],
                    String.format("%,d", sizes[i]),
                    perOp[i],
                    perOp[0],
                    "ms/op",
                    false,
                    1.5,
                    note));
        }
        int last = sizes.length - 1;
        rows.add(new Row(
                "B7",
                "idle process() over N completed, per op, at N vs at " + sizes[1],
                String.format("%,d", sizes[last]),
                idle[last],
                idle[1],
                "ms/op",
                false,
                1.5,
                null));
        return rows;
    }

    /** Timed: from the first operation's start to the last one's completion. */
    private static long pending(Config config, List<OperationDescriptor> registry) throws Exception {
        long[] first = {0};
        long[] last = {0};
        SequencerListener clock = new SequencerListener() {
            @Override
            public void operationsStarted(RunEvent event) {
                first[0] = System.nanoTime();
            }

            @Override
            public void operationCompleted(OperationEvent event) {
                last[0] = System.nanoTime();
            }
        };
        try (Db db = Db.fresh(Db.Kind.H2, config.postgresUrl());
                Sequencer sequencer = dev.sequencer.Sequencer.configure()
                        .dataSource(db.dataSource)
                        .registry(registry)
                        .property("sequencer.flyway.locations", Seq.NO_MIGRATIONS)
                        .listener(clock)
                        .load()) {
            Seq.timedProcess(sequencer, registry.size());
            return last[0] - first[0];
        }
    }

    private static long idle(Config config, List<OperationDescriptor> registry) throws Exception {
        try (Db db = Db.fresh(Db.Kind.H2, config.postgresUrl());
                Sequencer sequencer = Seq.over(db.dataSource, registry)) {
            Seq.timedProcess(sequencer, registry.size());
            long t0 = System.nanoTime();
            RunReport report = sequencer.process();
            long elapsed = System.nanoTime() - t0;
            if (!report.operations().isEmpty()) {
                throw new IllegalStateException(
                        "an idle run ran " + report.operations().size() + " operations");
            }
            return elapsed;
        }
    }
}
