package dev.sequencer;

import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.RunReport.Outcome;
import dev.sequencer.RunReport.Step;
import dev.sequencer.support.TestDatabase;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An operation later than a migration that Flyway leaves unapplied (above {@code target}, or ignored out of order)
 * stays pending until that migration is applied, in the run and in the dry-run plan alike: it would otherwise run
 * before the schema it needs exists.
 */
class UnappliedMigrationTest {

    static final String ADD_USER = "2024_01_02_000000_add_user";
    static final String ADD_POST = "2024_01_04_000000_add_post";
    static final String ADD_TAG = "2024_01_02_120000_add_tag";

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    static OperationDescriptor inserting(String timestamp, String suffix, String sql) {
        return op(timestamp, suffix, () -> ctx -> {
            try (PreparedStatement ps = ctx.connection().prepareStatement(sql)) {
                ps.executeUpdate();
            }
        });
    }

    static List<OperationDescriptor> registry() {
        return List.of(
                inserting("2024_01_02_000000", "add_user", "insert into users (id, name) values (1, 'ada')"),
                inserting(
                        "2024_01_04_000000",
                        "add_post",
                        "insert into posts (id, user_id, title) values (1, 1, 'hello')"));
    }

    static Step step(RunReport report, String name) {
        return report.steps().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + report.steps()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anOperationLaterThanAMigrationAboveTheTargetWaitsForIt(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer sequencer = over(db, "interleave", registry())
                .property("sequencer.flyway.target", "20240101000000")
                .load()) {
            RunReport plan =
                    sequencer.process(ProcessOptions.builder().dryRun(true).build());
            assertEquals(Outcome.PLANNED, step(plan, ADD_USER).outcome());
            assertEquals(Outcome.WAITING, step(plan, ADD_POST).outcome());
            assertTrue(
                    step(plan, ADD_POST).detail().contains("20240103000000"),
                    step(plan, ADD_POST).detail());

            RunReport run = sequencer.process();

            assertEquals(Outcome.COMPLETED, step(run, ADD_USER).outcome());
            assertEquals(Outcome.WAITING, step(run, ADD_POST).outcome());
            assertTrue(
                    step(run, ADD_POST).detail().contains("20240103000000"),
                    step(run, ADD_POST).detail());
            assertEquals(List.of(), db.states(ADD_POST), "not run, not recorded");
        }
        try (Sequencer sequencer = over(db, "interleave", registry()).load()) {
            RunReport run = sequencer.process();

            assertEquals(
                    List.of("V20240103000000 create posts", ADD_POST),
                    run.steps().stream().map(Step::name).toList());
            assertEquals(List.of("completed"), db.states(ADD_POST));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anOperationLaterThanAnIgnoredOutOfOrderMigrationWaitsForIt(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer sequencer = over(db, "interleave", registry()).load()) {
            sequencer.process();
        }
        List<OperationDescriptor> withTag = List.of(
                registry().get(0),
                registry().get(1),
                inserting("2024_01_02_120000", "add_tag", "insert into tags (id, name) values (1, 'news')"));
        try (Sequencer sequencer = over(db, "interleave", withTag)
                .property("sequencer.flyway.locations", "classpath:db/interleave,classpath:db/out-of-order")
                .property("sequencer.flyway.ignoreMigrationPatterns", "*:ignored")
                .load()) {
            RunReport plan =
                    sequencer.process(ProcessOptions.builder().dryRun(true).build());
            assertEquals(Outcome.WAITING, step(plan, ADD_TAG).outcome());

            RunReport run = sequencer.process();

            assertEquals(Outcome.WAITING, step(run, ADD_TAG).outcome());
            assertTrue(
                    step(run, ADD_TAG).detail().contains("20240102000000"),
                    step(run, ADD_TAG).detail());
            assertEquals(List.of(), db.states(ADD_TAG));
        }
    }
}
