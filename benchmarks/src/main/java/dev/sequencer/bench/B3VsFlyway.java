package dev.sequencer.bench;

import bench.migrations1k.AllMigrations;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.Sequencer;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/** B3: N no-op operations through process() vs N no-op Flyway Java migrations through migrate() (no scanning). */
final class B3VsFlyway {

    private B3VsFlyway() {}

    static Row run(Config config, Db.Kind kind) throws Exception {
        int n = config.b3();
        List<OperationDescriptor> registry = Registries.first(n);
        JavaMigration[] all = AllMigrations.all();
        if (n > all.length) {
            throw new IllegalArgumentException("B3 has " + all.length + " generated Java migrations");
        }
        JavaMigration[] migrations = Arrays.copyOf(all, n);
        Sample[] s = Harness.compare(
                config,
                () -> {
                    try (Db db = Db.fresh(kind, config.postgresUrl());
                            Sequencer sequencer = Seq.over(db.dataSource, registry)) {
                        return Seq.timedProcess(sequencer, n);
                    }
                },
                () -> {
                    try (Db db = Db.fresh(kind, config.postgresUrl())) {
                        long t0 = System.nanoTime();
                        MigrateResult result = Flyway.configure()
                                .dataSource(db.dataSource)
                                .locations(Seq.NO_MIGRATIONS)
                                .javaMigrations(migrations)
                                .load()
                                .migrate();
                        long elapsed = System.nanoTime() - t0;
                        if (result.migrationsExecuted != n) {
                            throw new IllegalStateException("Flyway applied " + result.migrationsExecuted);
                        }
                        return elapsed;
                    }
                });
        return new Row(
                "B3",
                "process() vs Flyway migrate() of Java migrations, " + B2Bookkeeping.label(kind),
                String.format("%,d", n),
                s[0],
                s[1],
                "ms",
                false,
                0.5,
                null);
    }
}
