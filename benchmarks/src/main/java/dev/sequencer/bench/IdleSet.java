package dev.sequencer.bench;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import java.util.List;
import javax.sql.DataSource;

/**
 * The set behind B8 and B9: {@code bench.ops200.GeneratedSequencer} (200 no-op operations) and 200 SQL migrations
 * in {@code bench/sql-ts} whose versions are timestamps, so that operation i runs between migrations i and i + 1.
 * {@link #prepare} applies all of it once; afterwards every run finds nothing pending.
 */
final class IdleSet {

    static final String REGISTRY = "bench.ops200.GeneratedSequencer";
    static final String LOCATIONS = "classpath:bench/sql-ts";
    static final int SIZE = 200;

    private IdleSet() {}

    static List<OperationDescriptor> registry() {
        List<OperationDescriptor> registry = Registries.load(REGISTRY);
        if (registry.size() != SIZE) {
            throw new IllegalStateException(REGISTRY + " has " + registry.size() + " operations, expected " + SIZE);
        }
        return registry;
    }

    /** A Sequencer over the 200 operations and {@code locations}, command strategy, as the benchmarks use it. */
    static Sequencer sequencer(DataSource dataSource, String locations) {
        return Sequencer.configure()
                .dataSource(dataSource)
                .registry(registry())
                .property("sequencer.flyway.locations", locations)
                .load();
    }

    /** Applies every migration of {@code locations} and all 200 operations, interleaved; checks the counts. */
    static void prepare(DataSource dataSource, String locations, int migrations) {
        try (Sequencer sequencer = sequencer(dataSource, locations)) {
            RunReport report = sequencer.process();
            long completed = report.operations().stream()
                    .filter(s -> s.outcome() == RunReport.Outcome.COMPLETED)
                    .count();
            if (completed != SIZE || report.migrations().size() != migrations) {
                throw new IllegalStateException("preparing the idle set ran " + completed + " operations and "
                        + report.migrations().size() + " migrations, expected " + SIZE + " and " + migrations);
            }
        }
    }

    /** Checks that a run found nothing to do. */
    static void requireIdle(RunReport report) {
        if (!report.nothingPending()) {
            throw new IllegalStateException("expected an idle run, got " + report.steps());
        }
    }
}
