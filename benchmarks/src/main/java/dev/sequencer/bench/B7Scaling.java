package dev.sequencer.bench;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import java.util.ArrayList;
import java.util.List;

/**
 * B7: process() cost per operation at N = 100, 1,000, 10,000 pending, net of the fixed cost of a run (process()
 * with an empty registry on an empty database: pool, lock, tables, Flyway), and per registered operation of a run
 * with nothing to do over a history of N completed operations (net of an idle run's fixed cost; compared with 1,000
 * because at 100 the remainder is within the noise of the fixed cost). On H2, so that the database does not hide the
 * runtime's own scaling.
 */
final class B7Scaling {

    private B7Scaling() {}

    static List<Row> run(Config config) throws Exception {
        int[] sizes = config.b7();
        Sample fixed = Harness.measure(config, () -> pending(config, List.of()));
        Sample idleFixed = Harness.measure(config, () -> idle(config, List.of()));
        Harness.log(
                "B7 fixed cost of a run (empty registry): %s; of an idle run: %s",
                fixed.describe("ms"), idleFixed.describe("ms"));
        Sample[] perOp = new Sample[sizes.length];
        Sample[] idle = new Sample[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            List<OperationDescriptor> registry = Registries.first(sizes[i]);
            perOp[i] = Harness.measure(config, () -> pending(config, registry)).minusThenPer(fixed.median(), sizes[i]);
            idle[i] = Harness.measure(config, () -> idle(config, registry)).minusThenPer(idleFixed.median(), sizes[i]);
            Harness.log(
                    "B7 N=%d: %s per pending operation, %s per completed operation when idle",
                    sizes[i], perOp[i].describe("ms"), idle[i].describe("ms"));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < sizes.length; i++) {
            String note = Registries.generated(sizes[i]) ? null : B2Bookkeeping.copiesNote(sizes[i]);
            rows.add(new Row(
                    "B7",
                    "process() per pending op (net of fixed " + Sample.format(fixed.median()) + " ms), at N vs at "
                            + sizes[0],
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
                "idle process() per completed op (net of fixed " + Sample.format(idleFixed.median())
                        + " ms), at N vs at " + sizes[1],
                String.format("%,d", sizes[last]),
                idle[last],
                idle[1],
                "ms/op",
                false,
                1.5,
                null));
        return rows;
    }

    private static long pending(Config config, List<OperationDescriptor> registry) throws Exception {
        try (Db db = Db.fresh(Db.Kind.H2, config.postgresUrl());
                Sequencer sequencer = Seq.over(db.dataSource, registry)) {
            return Seq.timedProcess(sequencer, registry.size());
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
