package dev.sequencer.bench;

import dev.sequencer.Sequencer;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * B9: the idle run in a warm JVM. On a database where the 200 migrations and 200 operations of {@link IdleSet} are
 * applied, one {@code Sequencer} calls {@code process()} (nothing pending) and one {@code Flyway} calls
 * {@code migrate()} (nothing pending) on the same pool; a sample is the mean of a batch of calls, after warm-up calls
 * that let the JIT compile both. The extra row: {@code process()} over 200 completed operations and no Flyway
 * migrations at all, next to the Flyway {@code migrate()} of an empty location that it runs inside.
 */
final class B9IdleWarm {

    private B9IdleWarm() {}

    static List<Row> run(Config config, Db.Kind kind) throws Exception {
        String where = B2Bookkeeping.label(kind);
        Sample[] with = idle(config, kind, IdleSet.LOCATIONS, IdleSet.SIZE);
        Sample[] without = idle(config, kind, Seq.NO_MIGRATIONS, 0);
        return List.of(
                new Row(
                        "B9",
                        "idle process() vs idle Flyway migrate(), warm JVM, " + where,
                        "200+200",
                        with[0],
                        with[1],
                        "ms",
                        false,
                        1.10,
                        null),
                new Row(
                        "B9",
                        "idle process(), no migrations, vs Flyway migrate() of an empty location, " + where,
                        "200+0",
                        without[0],
                        without[1],
                        "ms",
                        false,
                        Double.NaN,
                        "no target: B is the Flyway call process() makes anyway, so A - B is the operations' share"));
    }

    /**
     * On a fresh database prepared with the 200 operations and the migrations of {@code locations}: samples of idle
     * {@code process()} and idle Flyway {@code migrate()}, each the mean of a batch of calls, after warm-up calls.
     */
    private static Sample[] idle(Config config, Db.Kind kind, String locations, int migrations) throws Exception {
        int calls = Integer.getInteger("bench.b9.calls", config.smoke() ? 2 : 20);
        int warmCalls = Integer.getInteger("bench.b9.warm-calls", config.smoke() ? 1 : 100);
        try (Db db = Db.fresh(kind, config.postgresUrl())) {
            IdleSet.prepare(db.dataSource, locations, migrations);
            Flyway flyway = Flyway.configure()
                    .dataSource(db.dataSource)
                    .locations(locations)
                    .load();
            try (Sequencer sequencer = IdleSet.sequencer(db.dataSource, locations)) {
                Harness.Trial process = () -> batch(calls, () -> IdleSet.requireIdle(sequencer.process()));
                Harness.Trial migrate = () -> batch(calls, () -> {
                    if (flyway.migrate().migrationsExecuted != 0) {
                        throw new IllegalStateException("Flyway found something to migrate");
                    }
                });
                batch(warmCalls, () -> IdleSet.requireIdle(sequencer.process()));
                batch(warmCalls, flyway::migrate);
                return Harness.compare(config, process, migrate);
            }
        }
    }

    /** The mean time of {@code calls} calls, in nanoseconds. */
    private static long batch(int calls, Runnable call) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return (System.nanoTime() - t0) / calls;
    }
}
