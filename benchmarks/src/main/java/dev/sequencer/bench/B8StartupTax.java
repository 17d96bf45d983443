package dev.sequencer.bench;

import dev.sequencer.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * B8: the start-up tax, whole process. The database holds the {@link IdleSet} (200 migrations and 200 operations,
 * applied once, untimed). A sample is the wall time of a fresh JVM ({@code java -cp <class path> B8StartupTax ...},
 * the same class path and options on both sides) from spawn to exit: A calls
 * {@code bench.ops200.GeneratedSequencer.migrate()} under the migration strategy, configured from system properties
 * as an application is; B calls plain {@code Flyway.configure().dataSource(url, ...).locations(...).load().migrate()}.
 * Both find nothing to do, on the same database; the child checks that and exits non-zero otherwise.
 */
public final class B8StartupTax {

    private B8StartupTax() {}

    static Row run(Config config, Db.Kind kind) throws Exception {
        int reps = Math.max(1, Integer.getInteger("bench.b8.reps", config.smoke() ? 1 : 10));
        Path work = Files.createTempDirectory("bench-b8");
        try {
            String url;
            String user;
            if (kind == Db.Kind.H2) {
                url = "jdbc:h2:file:" + work.resolve("b8").toAbsolutePath();
                user = "sa";
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(url);
                h2.setUser(user);
                IdleSet.prepare(h2, IdleSet.LOCATIONS, IdleSet.SIZE);
                shutdown(h2);
            } else {
                url = config.postgresUrl();
                user = "";
                try (Db db = Db.fresh(kind, url)) {
                    IdleSet.prepare(db.dataSource, IdleSet.LOCATIONS, IdleSet.SIZE);
                }
            }
            Path log = work.resolve("child.log");
            Sample[] s = Harness.compare(
                    config.warmup(),
                    reps,
                    () -> spawn("sequencer", url, user, log),
                    () -> spawn("flyway", url, user, log));
            return new Row(
                    "B8",
                    "fresh JVM: migrate() (migration strategy) vs Flyway migrate(), idle, " + B2Bookkeeping.label(kind)
                            + (kind == Db.Kind.H2 ? " file" : ""),
                    "200+200",
                    s[0],
                    s[1],
                    "ms",
                    false,
                    1.10,
                    null);
        } finally {
            B5CompileTime.delete(work);
        }
    }

    /** Runs one child JVM to its exit; returns its wall time in nanoseconds. */
    private static long spawn(String side, String url, String user, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dsequencer.url=" + url);
        if (!user.isEmpty()) {
            command.add("-Dsequencer.user=" + user);
        }
        command.add("-Dsequencer.strategy=migration");
        command.add("-Dsequencer.flyway.locations=" + IdleSet.LOCATIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(B8StartupTax.class.getName());
        command.add(side);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        long elapsed = System.nanoTime() - t0;
        if (exit != 0) {
            throw new IllegalStateException("B8 child (" + side + ") exited with " + exit + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return elapsed;
    }

    private static void shutdown(JdbcDataSource h2) throws SQLException {
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            s.execute("shutdown");
        }
    }

    /**
     * The child process: {@code sequencer} or {@code flyway}, configured from the system properties the parent sets.
     * Exits 2 when the run was not idle.
     */
    public static void main(String[] args) throws IOException {
        String url = System.getProperty("sequencer.url");
        String user = System.getProperty("sequencer.user", "");
        boolean idle;
        if (args.length == 1 && args[0].equals("sequencer")) {
            RunReport report = bench.ops200.GeneratedSequencer.migrate();
            idle = report.nothingPending();
        } else if (args.length == 1 && args[0].equals("flyway")) {
            idle = Flyway.configure()
                            .dataSource(url, user.isEmpty() ? null : user, null)
                            .locations(System.getProperty("sequencer.flyway.locations"))
                            .load()
                            .migrate()
                            .migrationsExecuted
                    == 0;
        } else {
            System.err.println("usage: B8StartupTax sequencer|flyway (with -Dsequencer.url=...)");
            idle = false;
        }
        System.exit(idle ? 0 : 2);
    }
}
