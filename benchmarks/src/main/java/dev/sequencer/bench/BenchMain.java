package dev.sequencer.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs B1-B11 and prints the table of ratios. {@code -Dbench.postgres.url=jdbc:postgresql://...} enables the
 * PostgreSQL parts; {@code -Dbench.only=B2,B7} selects benchmarks; {@code -Dbench.reps}, {@code -Dbench.warmup},
 * {@code -Dbench.forks} set repetitions; {@code -Dbench.smoke=true} runs everything once at N=10. B11 (the partitioned backfill) runs on PostgreSQL when it
 * is set, otherwise on H2.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        List<Row> rows = run(Config.fromSystemProperties(), System.out);
        System.exit(rows.stream().anyMatch(r -> r.note() != null && r.note().startsWith("FAILED")) ? 1 : 0);
    }

    static List<Row> run(Config config, PrintStream out) throws Exception {
        long start = System.nanoTime();
        out.println("Sequencer benchmarks, " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        out.println("JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ", warm-up "
                + config.warmup() + ", measured " + config.reps() + (config.smoke() ? " (smoke run)" : ""));
        out.println("generated operations: bench.ops1k "
                + Registries.load(Registries.SMALL).size() + ", bench.ops "
                + Registries.load(Registries.BIG).size());
        try (Db h2 = Db.fresh(Db.Kind.H2, null)) {
            out.println("database: " + h2.version());
        }
        if (config.postgresUrl() != null) {
            try (Db pg = Db.fresh(Db.Kind.POSTGRESQL, config.postgresUrl())) {
                out.println("database: " + pg.version());
            }
        } else {
            out.println("database: PostgreSQL skipped (set -Dbench.postgres.url=jdbc:postgresql://...)");
        }
        List<Db.Kind> databases =
                config.postgresUrl() == null ? List.of(Db.Kind.H2) : List.of(Db.Kind.H2, Db.Kind.POSTGRESQL);
        List<Row> rows = new ArrayList<>();
        step(config, rows, "B1", () -> rows.addAll(B1Runner.run(config)));
        for (Db.Kind kind : databases) {
            step(config, rows, "B2", () -> rows.add(B2Bookkeeping.run(config, kind)));
        }
        for (Db.Kind kind : databases) {
            step(config, rows, "B3", () -> rows.add(B3VsFlyway.run(config, kind)));
        }
        for (Db.Kind kind : databases) {
            step(config, rows, "B4", () -> rows.add(B4StrategyOverhead.run(config, kind)));
        }
        step(config, rows, "B5", () -> rows.add(B5CompileTime.run(config)));
        step(config, rows, "B5", () -> rows.addAll(B5Peer.run(config)));
        if (config.postgresUrl() == null) {
            if (config.runs("B6")) {
                rows.add(Row.skipped(
                        "B6",
                        "async throughput",
                        String.format("%,d", config.b6()),
                        "needs PostgreSQL: set -Dbench.postgres.url"));
            }
        } else {
            step(config, rows, "B6", () -> rows.add(B6Async.run(config)));
        }
        step(config, rows, "B7", () -> rows.addAll(B7Scaling.run(config)));
        Db.Kind backfillOn = config.postgresUrl() == null ? Db.Kind.H2 : Db.Kind.POSTGRESQL;
        step(config, rows, "B11", () -> rows.addAll(B11Backfill.run(config, backfillOn)));
        for (Db.Kind kind : databases) {
            step(config, rows, "B8", () -> rows.add(B8StartupTax.run(config, kind)));
        }
        for (Db.Kind kind : databases) {
            step(config, rows, "B9", () -> rows.addAll(B9IdleWarm.run(config, kind)));
        }
        step(config, rows, "B10", () -> rows.addAll(B10TestKit.run(config)));
        if (config.postgresUrl() == null) {
            for (String id : List.of("B2", "B3", "B4", "B8", "B9")) {
                if (config.runs(id)) {
                    rows.add(Row.skipped(id, "PostgreSQL part", "-", "set -Dbench.postgres.url to run it"));
                }
            }
        }
        out.println();
        out.printf(
                "Results (ratio = median A / median B; %d measured rounds each, B1: JMH single-shot)%n", config.reps());
        Table.print(rows, out);
        if (!config.profile().isEmpty() || Boolean.getBoolean("bench.markdown")) {
            out.println();
            Table.printMarkdown(rows, out);
        }
        out.printf("Total time: %.0f s%n", (System.nanoTime() - start) / 1e9);
        return rows;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(Config config, List<Row> rows, String id, Step step) {
        if (!config.runs(id)) {
            return;
        }
        long t0 = System.nanoTime();
        Harness.log("%s ...", id);
        try {
            step.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            rows.add(Row.skipped(id, "error", "-", "FAILED: " + e));
        }
        Harness.log("%s done in %.1f s", id, (System.nanoTime() - t0) / 1e9);
    }
}
