package dev.sequencer.bench;

import dev.sequencer.Sequencer;
import dev.sequencer.test.SequencerTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * B10: time per test method with the test kit. Three test classes, each with N test methods (invocations of one
 * parameterized method, so that both sides pay JUnit alike), run with the JUnit Platform Launcher in this JVM: A,
 * {@code @SequencerTest} over {@code bench.ops20.GeneratedSequencer} (20 operations) and the 20 SQL migrations of
 * {@code bench/sql20} (the extension creates the H2 database, builds the Sequencer, calls {@code migrate()}, and
 * closes both); B, a plain JUnit class whose {@code @BeforeEach} opens an in-memory H2 database and runs Flyway on
 * the same migrations and whose {@code @AfterEach} shuts it down. Every method runs the same query. A sample is the
 * wall time of one class's execution divided by N. The kit discovers registries through the context class loader,
 * which here lists only {@code bench.ops20}. The extra row runs the kit under the migration strategy, where
 * {@code migrate()} also runs the 20 operations.
 */
final class B10TestKit {

    static final String REGISTRY_SERVICE = "META-INF/services/dev.sequencer.OperationRegistry";
    static final String LOCATIONS = "classpath:bench/sql20";

    /** Test methods per class, read by {@link #methods()}. */
    static volatile int methods = 20;

    private B10TestKit() {}

    static List<Row> run(Config config) throws Exception {
        int n = Math.max(1, Integer.getInteger("bench.b10.methods", config.smoke() ? 2 : 20));
        int warmup = Integer.getInteger("bench.b10.warmup", config.smoke() ? 0 : Math.max(3, config.warmup()));
        methods = n;
        Path services = Files.createTempFile("bench-b10", ".services");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            Files.writeString(services, "bench.ops20.GeneratedSequencer\n", StandardCharsets.UTF_8);
            thread.setContextClassLoader(
                    new OneRegistry(previous, services.toUri().toURL()));
            Launcher launcher = LauncherFactory.create();
            Sample[] s = Harness.rotate(
                    warmup,
                    config.reps(),
                    List.of(
                            () -> perMethod(launcher, KitTest.class, n),
                            () -> perMethod(launcher, PlainTest.class, n),
                            () -> perMethod(launcher, KitMigrationStrategyTest.class, n)));
            String count = "20 ops, " + n + " methods";
            return List.of(
                    new Row(
                            "B10",
                            "@SequencerTest method vs plain JUnit + H2 + Flyway method",
                            count,
                            s[0],
                            s[1],
                            "ms",
                            false,
                            1.5,
                            null),
                    new Row(
                            "B10",
                            "@SequencerTest method, migration strategy, vs plain JUnit + H2 + Flyway",
                            count,
                            s[2],
                            s[1],
                            "ms",
                            false,
                            Double.NaN,
                            "no target: under the migration strategy migrate() also runs the 20 operations"));
        } finally {
            thread.setContextClassLoader(previous);
            Files.deleteIfExists(services);
        }
    }

    /** Runs every test of {@code type}; returns the wall time per test method, in nanoseconds. */
    private static long perMethod(Launcher launcher, Class<?> type, int n) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(type))
                .build();
        long t0 = System.nanoTime();
        launcher.execute(request, listener);
        long elapsed = System.nanoTime() - t0;
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != n || summary.getTotalFailureCount() != 0) {
            StringBuilder why = new StringBuilder();
            summary.getFailures()
                    .forEach(f -> why.append('\n')
                            .append(f.getTestIdentifier().getDisplayName())
                            .append(": ")
                            .append(f.getException()));
            throw new IllegalStateException(type.getSimpleName() + ": " + summary.getTestsSucceededCount() + " of " + n
                    + " tests succeeded" + why);
        }
        return elapsed / n;
    }

    static IntStream methods() {
        return IntStream.range(0, methods);
    }

    /** What every test method does on both sides: one query on the migrated schema. */
    static void check(DataSource db) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from b10_t19")) {
            if (!rs.next() || rs.getLong(1) != 0) {
                throw new IllegalStateException("b10_t19 is not empty");
            }
        }
    }

    @SequencerTest(properties = "sequencer.flyway.locations=" + LOCATIONS)
    static class KitTest {

        @ParameterizedTest
        @MethodSource("dev.sequencer.bench.B10TestKit#methods")
        void method(int i, Sequencer sequencer, DataSource db) throws SQLException {
            kitCheck(sequencer, db);
        }
    }

    @SequencerTest(properties = {"sequencer.flyway.locations=" + LOCATIONS, "sequencer.strategy=migration"})
    static class KitMigrationStrategyTest {

        @ParameterizedTest
        @MethodSource("dev.sequencer.bench.B10TestKit#methods")
        void method(int i, Sequencer sequencer, DataSource db) throws SQLException {
            kitCheck(sequencer, db);
        }
    }

    static void kitCheck(Sequencer sequencer, DataSource db) throws SQLException {
        if (sequencer.registry().size() != 20) {
            throw new IllegalStateException(
                    "the kit found " + sequencer.registry().size() + " operations");
        }
        check(db);
    }

    static class PlainTest {

        private JdbcDataSource db;

        @BeforeEach
        void open() {
            db = new JdbcDataSource();
            db.setURL("jdbc:h2:mem:plain_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
            db.setUser("sa");
            Flyway.configure().dataSource(db).locations(LOCATIONS).load().migrate();
        }

        @AfterEach
        void close() throws SQLException {
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        }

        @ParameterizedTest
        @MethodSource("dev.sequencer.bench.B10TestKit#methods")
        void method(int i) throws SQLException {
            check(db);
        }
    }

    /** Lists only {@code bench.ops20}'s registry as a service; everything else comes from the parent. */
    private static final class OneRegistry extends ClassLoader {

        private final URL services;

        OneRegistry(ClassLoader parent, URL services) {
            super(parent);
            this.services = services;
        }

        @Override
        public URL getResource(String name) {
            return name.equals(REGISTRY_SERVICE) ? services : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals(REGISTRY_SERVICE)
                    ? Collections.enumeration(List.of(services))
                    : super.getResources(name);
        }
    }
}
