package dev.sequencer.bench;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.Sequencer;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * B4: Flyway migrate() of M SQL migrations with the migration-strategy callback installed and no pending operations
 * (every operation of a 200-operation registry already completed) vs plain Flyway. Both sides start from the same
 * prepared database; only migrate() is timed.
 */
final class B4StrategyOverhead {

    private static final int COMPLETED_OPERATIONS = 200;

    private B4StrategyOverhead() {}

    static Row run(Config config, Db.Kind kind) throws Exception {
        int m = config.b4();
        int ops = Math.min(COMPLETED_OPERATIONS, config.smoke() ? 10 : COMPLETED_OPERATIONS);
        List<OperationDescriptor> registry = Registries.first(ops);
        Sample[] s = Harness.compare(
                config, () -> trial(config, kind, registry, m, true), () -> trial(config, kind, registry, m, false));
        return new Row(
                "B4",
                "Flyway migrate() with Sequencer callback vs plain, SQL, " + B2Bookkeeping.label(kind),
                String.valueOf(m),
                s[0],
                s[1],
                "ms",
                false,
                1.05,
                null);
    }

    private static long trial(Config config, Db.Kind kind, List<OperationDescriptor> registry, int m, boolean callback)
            throws Exception {
        try (Db db = Db.fresh(kind, config.postgresUrl());
                Sequencer sequencer = Seq.over(db.dataSource, registry)) {
            Seq.timedProcess(sequencer, registry.size()); // history: all completed, nothing pending
            var flyway = Flyway.configure()
                    .dataSource(db.dataSource)
                    .locations("classpath:bench/sql")
                    .target(String.valueOf(m));
            if (callback) {
                flyway.callbacks(sequencer.callback());
            }
            long t0 = System.nanoTime();
            MigrateResult result = flyway.load().migrate();
            long elapsed = System.nanoTime() - t0;
            if (result.migrationsExecuted != m) {
                throw new IllegalStateException("Flyway applied " + result.migrationsExecuted + " instead of " + m);
            }
            return elapsed;
        }
    }
}
