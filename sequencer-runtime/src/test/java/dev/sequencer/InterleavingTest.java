package dev.sequencer;

import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.builder;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.RunReport.Outcome;
import dev.sequencer.support.Tables;
import dev.sequencer.support.TestDatabase;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC section 5 "Interleaving with Flyway" under both strategies, on every configured database. */
class InterleavingTest {

    static final String USERS_MIGRATION = "V20240101000000 create users";
    static final String POSTS_MIGRATION = "V20240103000000 create posts";
    static final String OP1 = "2024_01_02_000000_add_users";
    static final String OP2 = "2024_01_04_000000_add_posts";

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    /** Operation 1 inserts a user and checks that posts does not exist yet; operation 2 inserts a post. */
    static List<OperationDescriptor> usersAndPosts(boolean[] op1Broken) {
        return List.of(
                op("2024_01_02_000000", "add_users", () -> ctx -> {
                    if (op1Broken[0]) {
                        throw new IllegalStateException("users feed unavailable");
                    }
                    if (Tables.exists(ctx.dataSource(), "posts")) {
                        throw new AssertionError("posts must not exist before operation 1");
                    }
                    try (PreparedStatement ps =
                            ctx.connection().prepareStatement("insert into users (id, name) values (1, 'ada')")) {
                        ps.executeUpdate();
                    }
                }),
                op("2024_01_04_000000", "add_posts", () -> ctx -> {
                    try (PreparedStatement ps = ctx.connection()
                            .prepareStatement("insert into posts (id, user_id, title) values (1, 1, 'hello')")) {
                        ps.executeUpdate();
                    }
                }));
    }

    static List<String> order(RunReport report) {
        return report.steps().stream().map(RunReport.Step::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migrationStrategyRunsEachOperationBetweenTheMigrationsItFallsBetween(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer sequencer = over(db, "interleave", usersAndPosts(new boolean[1]))
                .strategy("migration")
                .load()) {
            RunReport report = sequencer.migrate();

            assertEquals(List.of(USERS_MIGRATION, OP1, POSTS_MIGRATION, OP2), order(report));
            assertEquals(List.of("completed"), db.states(OP1));
            assertEquals(List.of("completed"), db.states(OP2));
            assertEquals(1, db.count("select count(*) from posts where user_id = 1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void commandStrategyProcessInterleavesTheSameWayAndMigrateRunsNoOperation(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer sequencer =
                over(db, "interleave", usersAndPosts(new boolean[1])).load()) {
            RunReport migrated = sequencer.migrate();
            assertEquals(List.of(USERS_MIGRATION, POSTS_MIGRATION), order(migrated));
            assertTrue(migrated.operations().isEmpty());
        }
        TestDatabase other = database.fresh();
        try (Sequencer sequencer =
                over(other, "interleave", usersAndPosts(new boolean[1])).load()) {
            RunReport processed = sequencer.process();

            assertEquals(List.of(USERS_MIGRATION, OP1, POSTS_MIGRATION, OP2), order(processed));
            assertEquals(List.of("completed"), other.states(OP1));
            assertEquals(List.of("completed"), other.states(OP2));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void operationFailingBetweenMigrationsStopsTheLaterMigrationAndRunsFirstOnceFixed(TestDatabase database)
            throws Exception {
        TestDatabase db = database.fresh();
        boolean[] broken = {true};
        try (Sequencer sequencer = over(db, "interleave", usersAndPosts(broken))
                .strategy("migration")
                .load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::migrate);

            assertEquals(OP1, e.operation());
            assertTrue(
                    e.getMessage().contains("migrations applied in this run stay applied: " + USERS_MIGRATION),
                    e.getMessage());
            assertFalse(Tables.exists(sequencer.dataSource(), "posts"), "the later migration is not applied");
            assertEquals(List.of("failed"), db.states(OP1));
            assertEquals(1, db.count("select count(*) from sequencer_operation_errors"));

            broken[0] = false;
            RunReport retry = sequencer.migrate();

            assertEquals(List.of(OP1, POSTS_MIGRATION, OP2), order(retry));
            assertEquals(List.of("failed", "completed"), db.states(OP1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void afterMigrationBindsAnOperationToANonTimestampVersion(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                builder("2030_01_01_000000", "after_v1", () -> ctx -> {
                            if (Tables.exists(ctx.dataSource(), "notes")) {
                                throw new AssertionError("must run before V2");
                            }
                        })
                        .afterMigration("1")
                        .build(),
                op("2020_01_01_000000", "unbound", () -> ctx -> {
                    if (!Tables.exists(ctx.dataSource(), "notes")) {
                        throw new AssertionError("must run after V2");
                    }
                }));
        try (Sequencer sequencer =
                over(db, "plain-versions", ops).strategy("migration").load()) {
            RunReport report = sequencer.migrate();

            assertEquals(
                    List.of(
                            "V1 create items",
                            "2030_01_01_000000_after_v1",
                            "V2 create notes",
                            "2020_01_01_000000_unbound"),
                    order(report));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withNoPendingMigrationsOperationsRunOnlyWhenRunOnNoPendingMigrationsIsTrue(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer migrationsOnly = over(db, "interleave", List.of()).load()) {
            migrationsOnly.migrate();
        }
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        SequencerListener listener = new SequencerListener() {
            @Override
            public void noPendingOperations(RunEvent event) {
                events.add("none-pending:" + event.trigger());
            }

            @Override
            public void operationsStarted(RunEvent event) {
                events.add("started");
            }
        };
        List<OperationDescriptor> ops = List.of(op("2024_01_05_000000", "late", () -> ctx -> {}));

        try (Sequencer off = over(db, "interleave", ops)
                .strategy("migration")
                .property("sequencer.migration.run-on-no-pending-migrations", "false")
                .listener(listener)
                .load()) {
            RunReport report = off.migrate();
            assertTrue(report.operations().isEmpty());
            assertEquals(List.of("none-pending:migrate"), events);
            assertEquals(0, db.count("select count(*) from sequencer_operations"));
        }
        try (Sequencer on = over(db, "interleave", ops).strategy("migration").load()) {
            RunReport report = on.migrate();
            assertEquals(List.of("2024_01_05_000000_late"), order(report));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dryRunReturnsTheInterleavedPlanAndChangesNothing(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        try (Sequencer sequencer =
                over(db, "interleave", usersAndPosts(new boolean[1])).load()) {
            RunReport plan =
                    sequencer.process(ProcessOptions.builder().dryRun(true).build());

            assertTrue(plan.dryRun());
            assertEquals(List.of(USERS_MIGRATION, OP1, POSTS_MIGRATION, OP2), order(plan));
            assertTrue(plan.steps().stream().allMatch(s -> s.outcome() == Outcome.PLANNED));
            assertFalse(Tables.exists(sequencer.dataSource(), "users"));
            assertFalse(Tables.exists(sequencer.dataSource(), "sequencer_operations"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theCallbackWorksOnAFlywayTheUserBuildsAndIgnoresOtherFlywayCommands(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        try (Sequencer sequencer =
                over(db, "interleave", usersAndPosts(new boolean[1])).load()) {
            SequencerCallback callback = sequencer.callback();
            Flyway flyway = Flyway.configure()
                    .dataSource(sequencer.dataSource())
                    .locations("classpath:db/interleave")
                    .callbacks(callback)
                    .load();
            flyway.info();
            flyway.baseline();
            assertFalse(Tables.exists(sequencer.dataSource(), "sequencer_operations"), "no operation ran");

            flyway.migrate();

            assertEquals(List.of(USERS_MIGRATION, OP1, POSTS_MIGRATION, OP2), order(callback.lastReport()));
            flyway.validate();
            flyway.repair();
            flyway.info();
            assertEquals(2, db.count("select count(*) from sequencer_operations"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withFlywayGroupOperationsRunAfterTheGroupCommits(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(op("2024_01_02_000000", "after_group", () -> ctx -> {
            if (!Tables.exists(ctx.dataSource(), "posts")) {
                throw new AssertionError("the whole group must be committed first");
            }
        }));
        try (Sequencer sequencer = over(db, "interleave", ops)
                .strategy("migration")
                .property("sequencer.flyway.group", "true")
                .load()) {
            RunReport report = sequencer.migrate();

            assertEquals(List.of(USERS_MIGRATION, POSTS_MIGRATION, "2024_01_02_000000_after_group"), order(report));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migrationStrategyEmitsRunAndOperationEventsInOrder(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        SequencerListener listener = new SequencerListener() {
            @Override
            public void operationsStarted(RunEvent e) {
                events.add("operations-started");
            }

            @Override
            public void operationsEnded(RunEvent e) {
                events.add("operations-ended:" + e.operations() + ":" + e.failed());
            }

            @Override
            public void operationStarted(OperationEvent e) {
                events.add("started:" + e.name());
            }

            @Override
            public void operationCompleted(OperationEvent e) {
                events.add("completed:" + e.name());
            }
        };
        try (Sequencer sequencer = over(db, "interleave", usersAndPosts(new boolean[1]))
                .strategy("migration")
                .listener(listener)
                .load()) {
            sequencer.migrate();
        }
        assertEquals(
                List.of(
                        "operations-started",
                        "started:" + OP1,
                        "completed:" + OP1,
                        "started:" + OP2,
                        "completed:" + OP2,
                        "operations-ended:2:false"),
                events);
    }
}
