package dev.sequencer;

import static dev.sequencer.support.Sequencers.insert;
import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.builder;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.CommitFailingDataSource;
import dev.sequencer.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transactional operation's work and its {@code completed} row commit together or not at all, whatever the
 * operation does: throw an {@link Error}, fail at commit under a time limit, or try to commit, roll back, switch to
 * auto-commit or close its connection by hand.
 */
class AtomicityTest {

    static final String BREAKS = "2024_01_01_000000_breaks";

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    static long errorRows(TestDatabase db, String operation, String exceptionClass) {
        return db.count("select count(*) from sequencer_operation_errors e join sequencer_operations o"
                + " on e.operation_id = o.id where o.name = '" + operation + "' and e.exception_class = '"
                + exceptionClass + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anErrorInsideATransactionalOperationRollsBackItsWorkAndIsRecordedFailedWithItsErrorRow(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> failedEvents = Collections.synchronizedList(new ArrayList<>());
        List<OperationDescriptor> ops = List.of(op("2024_01_01_000000", "breaks", () -> ctx -> {
            insert("items", 1, "written before the error").handle(ctx);
            throw new StackOverflowError("deep recursion");
        }));

        try (Sequencer sequencer = over(db, "basic", ops)
                .listener(new SequencerListener() {
                    @Override
                    public void operationFailed(OperationEvent event) {
                        failedEvents.add(event.name());
                    }
                })
                .load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);

            assertEquals(BREAKS, e.operation());
            assertInstanceOf(StackOverflowError.class, e.getCause());
            assertTrue(e.getMessage().contains("StackOverflowError: deep recursion"), e.getMessage());
            assertEquals(0, db.count("select count(*) from items"), "the partial write was rolled back");
            assertEquals(List.of("failed"), db.states(BREAKS));
            assertEquals(1, errorRows(db, BREAKS, "java.lang.StackOverflowError"));
            assertEquals(List.of(BREAKS), failedEvents);

            assertThrows(OperationFailedException.class, sequencer::process);
            assertEquals(0, db.count("select count(*) from items"), "nothing applied by the second run either");
            assertEquals(List.of("failed", "failed"), db.states(BREAKS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anErrorInsideANonTransactionalOperationClosesItsRunningRowAsFailed(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(builder("2024_01_01_000000", "breaks", () -> ctx -> {
                    throw new InternalError("the JVM is in trouble");
                })
                .nonTransactional()
                .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);
            assertInstanceOf(InternalError.class, e.getCause());
        }
        assertEquals(List.of("failed"), db.states(BREAKS), "one row, moved from running to failed");
        assertEquals(1, errorRows(db, BREAKS, "java.lang.InternalError"));
    }

    static Stream<Arguments> timeLimits() {
        return databases().flatMap(db -> Stream.of(Arguments.of(db, null), Arguments.of(db, Duration.ofSeconds(30))));
    }

    @ParameterizedTest(name = "{0}, time limit {1}")
    @MethodSource("timeLimits")
    void aFailureAtCommitIsRecordedTheSameWithAndWithoutATimeLimit(TestDatabase database, Duration timeLimit) {
        TestDatabase db = database.fresh();
        CommitFailingDataSource ds = new CommitFailingDataSource(db.url(), "sequencer_operations");
        List<String> failedEvents = Collections.synchronizedList(new ArrayList<>());
        List<OperationDescriptor> ops =
                List.of(builder("2024_01_01_000000", "breaks", () -> insert("items", 1, "lost with the commit"))
                        .policy(new OperationPolicy(1, List.of(), timeLimit, false, List.of()))
                        .build());

        try (Sequencer sequencer = over(db, "basic", ops)
                .dataSource(ds)
                .listener(new SequencerListener() {
                    @Override
                    public void operationFailed(OperationEvent event) {
                        failedEvents.add(event.name());
                    }
                })
                .load()) {
            ds.armOnce();
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);

            assertEquals(BREAKS, e.operation());
            assertTrue(e.getMessage().contains("forced failure before commit"), e.getMessage());
            assertEquals(0, db.count("select count(*) from items"));
            assertEquals(List.of("failed"), db.states(BREAKS));
            assertEquals(1, errorRows(db, BREAKS, "java.sql.SQLException"));
            assertEquals(List.of(BREAKS), failedEvents);
        }
    }

    static Stream<Arguments> postgresTimeLimits() {
        return TestDatabase.servers()
                .filter(db -> db.name().equals("postgresql"))
                .flatMap(db -> Stream.of(Arguments.of(db, null), Arguments.of(db, Duration.ofSeconds(30))));
    }

    /** The same as above with a real failure at COMMIT: a deferred foreign key, checked only when PostgreSQL commits. */
    @ParameterizedTest(name = "{0}, time limit {1}", allowZeroInvocations = true) // PostgreSQL, when configured
    @MethodSource("postgresTimeLimits")
    void aDeferredForeignKeyFailingAtCommitIsRecordedWithAndWithoutATimeLimit(
            TestDatabase database, Duration timeLimit) {
        TestDatabase db = database.fresh();
        List<String> failedEvents = Collections.synchronizedList(new ArrayList<>());
        List<OperationDescriptor> ops = List.of(builder("2024_01_01_000000", "breaks", () -> ctx -> {
                    try (var s = ctx.connection().createStatement()) {
                        s.executeUpdate("insert into children (id, parent_id) values (1, 42)"); // no parent 42
                    }
                })
                .policy(new OperationPolicy(1, List.of(), timeLimit, false, List.of()))
                .build());

        try (Sequencer sequencer = over(db, "basic", ops)
                .listener(new SequencerListener() {
                    @Override
                    public void operationFailed(OperationEvent event) {
                        failedEvents.add(event.name());
                    }
                })
                .load()) {
            sequencer.migrate(); // migrations only (command strategy), then the tables of this test
            db.execute("create table parents (id integer primary key)");
            db.execute("create table children (id integer primary key, parent_id integer not null"
                    + " references parents (id) deferrable initially deferred)");

            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);

            assertEquals(BREAKS, e.operation());
            assertTrue(e.getMessage().contains("foreign key"), e.getMessage());
            assertEquals(0, db.count("select count(*) from children"));
            assertEquals(List.of("failed"), db.states(BREAKS));
            assertEquals(1, errorRows(db, BREAKS, "org.postgresql.util.PSQLException"));
            assertEquals(List.of(BREAKS), failedEvents);
        }
    }

    static Stream<Arguments> handCalls() {
        List<String> calls = List.of(
                "commit", "rollback", "setAutoCommit(true)", "close", "statement.getConnection().commit", "abort");
        return databases().flatMap(db -> calls.stream().map(call -> Arguments.of(db, call)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("handCalls")
    void theConnectionOfATransactionalOperationRefusesToEndItsTransaction(TestDatabase database, String call) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(op("2024_01_01_000000", "breaks", () -> ctx -> {
            insert("items", 1, "must not survive").handle(ctx);
            Connection c = ctx.connection();
            switch (call) {
                case "commit" -> c.commit();
                case "rollback" -> c.rollback();
                case "setAutoCommit(true)" -> c.setAutoCommit(true);
                case "close" -> c.close();
                case "statement.getConnection().commit" -> {
                    try (var s = c.createStatement()) {
                        s.getConnection().commit();
                    }
                }
                case "abort" -> c.abort(Runnable::run);
                default -> throw new IllegalArgumentException(call);
            }
            throw new IllegalStateException("fails after " + call);
        }));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);

            assertInstanceOf(SQLException.class, e.getCause(), e.getMessage());
            assertTrue(e.getMessage().contains("transactional = false"), e.getMessage());
            assertEquals(0, db.count("select count(*) from items"), "nothing of the operation was applied");
            assertEquals(List.of("failed"), db.states(BREAKS));
            assertEquals(1, errorRows(db, BREAKS, "java.sql.SQLException"));

            assertThrows(OperationFailedException.class, sequencer::process);
            assertEquals(0, db.count("select count(*) from items"), "each rerun adds nothing either");
            assertEquals(List.of("failed", "failed"), db.states(BREAKS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTransactionalOperationMayRollBackToAndReleaseSavepointsOfItsOwn(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(op("2024_01_01_000000", "own_savepoints", () -> ctx -> {
            Connection c = ctx.connection();
            insert("items", 1, "kept").handle(ctx);
            Savepoint undone = c.setSavepoint();
            insert("items", 2, "undone").handle(ctx);
            c.rollback(undone);
            Savepoint released = c.setSavepoint();
            insert("items", 3, "kept too").handle(ctx);
            c.releaseSavepoint(released);
        }));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            sequencer.process();
        }
        assertEquals(List.of("1", "3"), db.strings("select id from items order by id"));
        assertEquals(List.of("completed"), db.states("2024_01_01_000000_own_savepoints"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNonTransactionalOperationManagesItsOwnTransactions(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(builder("2024_01_01_000000", "own_tx", () -> ctx -> {
                    Connection c = ctx.connection();
                    c.setAutoCommit(false);
                    insert("items", 1, "committed by hand").handle(ctx);
                    c.commit();
                    insert("items", 2, "rolled back by hand").handle(ctx);
                    c.rollback();
                    c.setAutoCommit(true);
                })
                .nonTransactional()
                .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            sequencer.process();
        }
        assertEquals(List.of("1"), db.strings("select id from items"));
        assertEquals(List.of("completed"), db.states("2024_01_01_000000_own_tx"));
    }
}
