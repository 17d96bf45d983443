package dev.sequencer;

import static dev.sequencer.support.Sequencers.insert;
import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.builder;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.TestDatabase;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC section 5 "Exactly once" through process(), on every configured database. */
class ProcessTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pendingOperationsRunOnceInTimestampThenNameOrder(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<OperationDescriptor> ops = List.of(
                op("2024_01_03_000000", "third", () -> ctx -> ran.add(ctx.name())),
                op("2024_01_02_000000", "b_second", () -> ctx -> ran.add(ctx.name())),
                op("2024_01_02_000000", "a_first", () -> ctx -> ran.add(ctx.name())));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            RunReport first = sequencer.process();
            RunReport second = sequencer.process();

            List<String> expected =
                    List.of("2024_01_02_000000_a_first", "2024_01_02_000000_b_second", "2024_01_03_000000_third");
            assertEquals(expected, ran);
            assertEquals(
                    expected,
                    first.operations().stream().map(RunReport.Step::name).toList());
            assertTrue(second.nothingPending(), "second run: " + second.steps());
            assertEquals(3, db.count("select count(*) from sequencer_operations where state = 'completed'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void failingOperationLeavesNeitherItsWritesNorACompletedRecordAndRollsBackEarlierRollbackables(
            TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "undoable", () -> new InsertWithUndo(1)),
                op("2024_01_02_000000", "plain", () -> insert("items", 2, "plain")),
                op("2024_01_03_000000", "breaks", () -> ctx -> {
                    insert("items", 3, "written before the failure").handle(ctx);
                    throw new IllegalStateException("boom");
                }));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);

            assertEquals("2024_01_03_000000_breaks", e.operation());
            assertTrue(
                    e.getMessage().contains("Operation 2024_01_03_000000_breaks failed: IllegalStateException: boom"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("rolled back 2024_01_01_000000_undoable"), e.getMessage());
            assertEquals(0, db.count("select count(*) from items where id = 3"), "the failing operation's write");
            assertEquals(List.of("failed"), db.states("2024_01_03_000000_breaks"));
            assertEquals(
                    1,
                    db.count("select count(*) from sequencer_operation_errors e join sequencer_operations o"
                            + " on e.operation_id = o.id where o.name = '2024_01_03_000000_breaks'"
                            + " and e.exception_class = 'java.lang.IllegalStateException' and e.message = 'boom'"));
            assertEquals(List.of("completed", "rolled_back"), db.states("2024_01_01_000000_undoable"));
            assertEquals(0, db.count("select count(*) from items where id = 1"), "rollback() undid the insert");
            assertEquals(List.of("completed"), db.states("2024_01_02_000000_plain"), "not Rollbackable: stays");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void failedAndRolledBackOperationsRunAgainOnTheNextProcess(TestDatabase database) {
        TestDatabase db = database.fresh();
        boolean[] broken = {true};
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "undoable", () -> new InsertWithUndo(1)),
                op("2024_01_02_000000", "flaky", () -> ctx -> {
                    if (broken[0]) {
                        throw new IllegalStateException("not yet");
                    }
                    insert("items", 2, "flaky").handle(ctx);
                }));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            assertThrows(OperationFailedException.class, sequencer::process);
            broken[0] = false;
            RunReport second = sequencer.process();

            assertEquals(
                    List.of("2024_01_01_000000_undoable", "2024_01_02_000000_flaky"),
                    second.operations().stream().map(RunReport.Step::name).toList());
            assertEquals(List.of("completed", "rolled_back", "completed"), db.states("2024_01_01_000000_undoable"));
            assertEquals(List.of("failed", "completed"), db.states("2024_01_02_000000_flaky"));
            assertEquals(
                    List.of("1", "2"),
                    db.strings("select attempt from sequencer_operations"
                            + " where name = '2024_01_02_000000_flaky' order by id"));
            assertEquals(2, db.count("select count(*) from items"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void skippedOperationsAreRecordedWithTheirReasonAndNeverRunAgain(TestDatabase database) {
        TestDatabase db = database.fresh();
        int[] calls = {0};
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "skips", () -> ctx -> {
                    calls[0]++;
                    insert("items", 1, "rolled back by the skip").handle(ctx);
                    throw new SkipOperationException("already migrated by hand");
                }),
                op("2024_01_02_000000", "conditional", () -> new NeverApplies()));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            RunReport first = sequencer.process();
            sequencer.process();

            assertEquals(1, calls[0]);
            assertEquals(List.of("skipped"), db.states("2024_01_01_000000_skips"));
            assertEquals(List.of("skipped"), db.states("2024_01_02_000000_conditional"));
            assertEquals(
                    List.of("already migrated by hand", "no legacy rows"),
                    db.strings("select reason from sequencer_operations order by id"));
            assertEquals(0, db.count("select count(*) from items"), "a skip rolls back the operation's writes");
            assertEquals(RunReport.Outcome.SKIPPED, first.operations().get(0).outcome());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void nonTransactionalOperationIsRecordedRunningThenCompletedInOneRow(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> seen = new ArrayList<>();
        List<OperationDescriptor> ops = List.of(builder("2024_01_01_000000", "outside_tx", () -> ctx -> {
                    try (var s = ctx.connection().createStatement();
                            var rs = s.executeQuery(
                                    "select state from sequencer_operations where name = '" + ctx.name() + "'")) {
                        rs.next();
                        seen.add(rs.getString(1));
                    }
                    assertTrue(ctx.connection().getAutoCommit());
                })
                .nonTransactional()
                .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            sequencer.process();
        }
        assertEquals(List.of("running"), seen, "recorded running before handle()");
        assertEquals(List.of("completed"), db.states("2024_01_01_000000_outside_tx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statusListsEveryOperationWithItsState(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "done", () -> ctx -> {}), op("2024_01_02_000000", "fails", () -> ctx -> {
                    throw new IllegalArgumentException("bad data");
                }));
        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            assertThrows(OperationFailedException.class, sequencer::process);
            List<OperationStatus> status = sequencer.status();

            assertEquals(OperationState.COMPLETED, status.get(0).state());
            assertEquals(OperationState.FAILED, status.get(1).state());
            assertTrue(status.get(1).pending());
            assertEquals("IllegalArgumentException: bad data", status.get(1).lastMessage());
        }
    }

    /** Inserts a row and deletes it on rollback. */
    static final class InsertWithUndo implements OperationHandler, Rollbackable {
        private final int id;

        InsertWithUndo(int id) {
            this.id = id;
        }

        @Override
        public void handle(OperationContext context) throws Exception {
            insert("items", id, "undoable").handle(context);
        }

        @Override
        public void rollback(OperationContext context) throws Exception {
            try (PreparedStatement ps = context.connection().prepareStatement("delete from items where id = ?")) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
        }
    }

    static final class NeverApplies implements OperationHandler, ConditionalExecution {
        @Override
        public void handle(OperationContext context) {
            throw new AssertionError("must not run");
        }

        @Override
        public boolean shouldRun(OperationContext context) {
            return false;
        }

        @Override
        public String skipReason() {
            return "no legacy rows";
        }
    }
}
