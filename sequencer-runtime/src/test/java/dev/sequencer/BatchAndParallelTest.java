package dev.sequencer;

import static dev.sequencer.support.Sequencers.insert;
import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.builder;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** All or nothing in a transactional batch, whatever is thrown; every outcome of a parallel wave booked. */
class BatchAndParallelTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    static OperationPolicy allowedToFail() {
        return new OperationPolicy(1, List.of(), null, true, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anErrorInATransactionalBatchLeavesNothingOfTheBatch(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "one", () -> insert("items", 1, "one")),
                op("2024_01_02_000000", "two", () -> insert("items", 2, "two")),
                op("2024_01_03_000000", "three", () -> ctx -> {
                    insert("items", 3, "three").handle(ctx);
                    throw new StackOverflowError("three recursed");
                }));

        try (Sequencer sequencer = over(db, "basic", ops)
                .property("sequencer.orchestrator", "transactional-batch")
                .load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);
            assertInstanceOf(StackOverflowError.class, e.getCause());
        }
        assertEquals(0, db.count("select count(*) from items"));
        assertEquals(0, db.count("select count(*) from sequencer_operations where state = 'completed'"));
        assertEquals(List.of("failed"), db.states("2024_01_03_000000_three"));
        assertEquals(
                1,
                db.count("select count(*) from sequencer_operation_errors"
                        + " where exception_class = 'java.lang.StackOverflowError'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailureInABatchIsRecordedWithTheTimeTheOperationStarted(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicReference<Instant> began = new AtomicReference<>();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "one", () -> insert("items", 1, "one")),
                op("2024_01_02_000000", "breaks", () -> ctx -> {
                    began.set(Instant.now());
                    Thread.sleep(50); // a failure some time after the start, so a wrong start time shows
                    throw new IllegalStateException("breaks");
                }));

        try (Sequencer sequencer = over(db, "basic", ops)
                .property("sequencer.orchestrator", "transactional-batch")
                .load()) {
            assertThrows(OperationFailedException.class, sequencer::process);
        }
        Instant[] recorded = startAndFinish(db, "2024_01_02_000000_breaks");
        assertTrue(
                !recorded[0].isAfter(began.get().plusMillis(1)),
                "recorded start " + recorded[0] + " is when the operation began, " + began.get()
                        + ", not when its failure was recorded");
        assertTrue(recorded[1].isAfter(recorded[0]));
    }

    /** started_at and finished_at of the first row of {@code name}. */
    static Instant[] startAndFinish(TestDatabase db, String name) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(
                        "select started_at, finished_at from sequencer_operations where name = ? order by id")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Instant[] {
                    rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()
                };
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAllowedFailureInsideABatchRollsBackOnlyItsOwnWorkAndNothingMovesPastAMigration(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_02_000000", "one", () -> insert("users", 1, "one")),
                builder("2024_01_02_000001", "may_fail", () -> ctx -> {
                            insert("users", 2, "rolled back to its savepoint").handle(ctx);
                            throw new IllegalStateException("optional data missing");
                        })
                        .policy(allowedToFail())
                        .build(),
                op("2024_01_02_000002", "three", () -> insert("users", 3, "three")),
                op("2024_01_04_000000", "four", () -> ctx -> {
                    try (var ps = ctx.connection()
                            .prepareStatement("insert into posts (id, user_id, title) values (1, 3, 'after')")) {
                        ps.executeUpdate();
                    }
                }));

        try (Sequencer sequencer = over(db, "interleave", ops)
                .property("sequencer.orchestrator", "transactional-batch")
                .load()) {
            RunReport report = sequencer.process();

            assertEquals(
                    List.of(
                            "V20240101000000 create users",
                            "2024_01_02_000000_one",
                            "2024_01_02_000001_may_fail",
                            "2024_01_02_000002_three",
                            "V20240103000000 create posts",
                            "2024_01_04_000000_four"),
                    report.steps().stream().map(RunReport.Step::name).toList());
        }
        assertEquals(List.of("1", "3"), db.strings("select id from users order by id"));
        assertEquals(List.of("completed"), db.states("2024_01_02_000000_one"));
        assertEquals(List.of("failed"), db.states("2024_01_02_000001_may_fail"));
        assertEquals(List.of("completed"), db.states("2024_01_02_000002_three"));
        assertEquals(List.of("completed"), db.states("2024_01_04_000000_four"));
        assertEquals(1, db.count("select count(*) from sequencer_operation_errors"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAfterHookThatThrowsAfterTheCommitLeavesTheOperationCompleted(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(op("2024_01_01_000000", "hooked", HookOperations::afterBreaks));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            sequencer.process();
            assertTrue(sequencer.process().nothingPending());
        }
        assertEquals(List.of("completed"), db.states("2024_01_01_000000_hooked"));
        assertEquals(1, db.count("select count(*) from items"));
        assertEquals(0, db.count("select count(*) from sequencer_operation_errors"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aParallelWaveBooksEveryOutcomeReportsEveryFailureAndUndoesEveryCompletedRollbackable(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "a", () -> new ProcessTest.InsertWithUndo(1)),
                op("2024_01_01_000001", "b", () -> ctx -> {
                    throw new IllegalStateException("b breaks");
                }),
                op("2024_01_01_000002", "c", () -> ctx -> {
                    throw new StackOverflowError("c recursed");
                }),
                op("2024_01_01_000003", "d", () -> new ProcessTest.InsertWithUndo(4)));

        try (Sequencer sequencer = over(db, "basic", ops)
                .property("sequencer.orchestrator", "parallel")
                .property("sequencer.orchestrator.threads", "4")
                .listener(new SequencerListener() {
                    @Override
                    public void operationCompleted(OperationEvent e) {
                        events.add("completed " + e.name());
                    }

                    @Override
                    public void operationFailed(OperationEvent e) {
                        events.add("failed " + e.name());
                    }

                    @Override
                    public void operationRolledBack(OperationEvent e) {
                        events.add("rolled back " + e.name());
                    }
                })
                .load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);

            assertTrue(e.getMessage().contains("2024_01_01_000001_b"), e.getMessage());
            assertTrue(e.getMessage().contains("2024_01_01_000002_c"), e.getMessage());
        }
        assertTrue(
                events.containsAll(List.of(
                        "completed 2024_01_01_000000_a",
                        "failed 2024_01_01_000001_b",
                        "failed 2024_01_01_000002_c",
                        "completed 2024_01_01_000003_d",
                        "rolled back 2024_01_01_000000_a",
                        "rolled back 2024_01_01_000003_d")),
                events.toString());
        assertEquals(List.of("completed", "rolled_back"), db.states("2024_01_01_000000_a"));
        assertEquals(List.of("completed", "rolled_back"), db.states("2024_01_01_000003_d"));
        assertEquals(List.of("failed"), db.states("2024_01_01_000001_b"));
        assertEquals(List.of("failed"), db.states("2024_01_01_000002_c"));
        assertEquals(0, db.count("select count(*) from items"), "both rollbackables were undone");
    }
}
