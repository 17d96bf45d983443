package dev.sequencer;

import static dev.sequencer.support.AsyncFixtures.async;
import static dev.sequencer.support.AsyncFixtures.attempts;
import static dev.sequencer.support.AsyncFixtures.await;
import static dev.sequencer.support.AsyncFixtures.effect;
import static dev.sequencer.support.AsyncFixtures.op;
import static dev.sequencer.support.AsyncFixtures.over;
import static dev.sequencer.support.AsyncFixtures.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.RunReport.Outcome;
import dev.sequencer.support.AsyncFixtures;
import dev.sequencer.support.CommitFailingDataSource;
import dev.sequencer.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC section 5 "Asynchronous operations": dispatch, workers, retries, scheduling, dependencies, status. */
class AsyncOperationsTest {

    /** The asynchronous tests' own database on the servers: other suites empty the shared one. */
    static final String ASYNC_DATABASE = "seq_async";

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String A = "2024_01_01_000000_first";
    static final String B = "2024_01_02_000000_background";
    static final String C = "2024_01_03_000000_last";

    static Stream<TestDatabase> databases() {
        return TestDatabase.all().map(server -> server.isolated(ASYNC_DATABASE));
    }

    static OperationStatus status(Sequencer sequencer, String name) {
        return sequencer.status().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static long effects(TestDatabase db, String name) {
        return db.count("select count(*) from effects where name = '" + name + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void processCompletesSynchronousOperationsAndDispatchesTheAsynchronousOneWhichAWorkerCompletesOnce(
            TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        SequencerListener listener = new SequencerListener() {
            @Override
            public void operationDispatched(OperationEvent e) {
                events.add("dispatched " + e.name());
            }

            @Override
            public void operationCompleted(OperationEvent e) {
                events.add("completed " + e.name());
            }
        };
        List<OperationDescriptor> ops = List.of(
                sync("2024_01_01_000000", "first", () -> effect("a")),
                async("2024_01_02_000000", "background", () -> effect("b")),
                sync("2024_01_03_000000", "last", () -> effect("c")));

        try (Sequencer sequencer = over(db, ops).listener(listener).load()) {
            RunReport report = sequencer.process();

            assertEquals(
                    List.of(Outcome.COMPLETED, Outcome.DISPATCHED, Outcome.COMPLETED),
                    report.operations().stream().map(RunReport.Step::outcome).toList());
            assertEquals(List.of("dispatched"), db.states(B));
            assertTrue(status(sequencer, B).dispatched());
            assertFalse(status(sequencer, B).lost());
            assertEquals(0, effects(db, B));
            assertEquals(1, db.count("select count(*) from sequencer_scheduled_tasks"));

            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(List.of("dispatched", "completed"), db.states(B));
            assertEquals(1, effects(db, B));
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
            assertEquals(OperationState.COMPLETED, status(sequencer, B).state());
            assertTrue(events.containsAll(List.of("dispatched " + B, "completed " + B)), events.toString());
            assertTrue(sequencer.process().nothingPending());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void workerStartedBeforeTheFirstRunLeavesTheSchemaToFlywayAndRunsTheWorkOnceItIsDispatched(TestDatabase database)
            throws Exception {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(async("2024_01_02_000000", "background", () -> effect("b")));

        try (Sequencer sequencer = over(db, ops).load();
                Worker worker = sequencer.worker()) {
            assertTrue(worker.awaitIdle(WAIT), "nothing can be due before any run");
            assertFalse(
                    dev.sequencer.support.Tables.exists(sequencer.dataSource(), "sequencer_scheduled_tasks"),
                    "the worker created no table, so Flyway still sees an empty schema");

            RunReport report = sequencer.process();

            assertEquals(Outcome.DISPATCHED, report.operations().get(0).outcome());
            AsyncFixtures.await("the early worker completes " + B, WAIT, () -> effects(db, B) == 1);
            assertTrue(worker.awaitIdle(WAIT));
            assertEquals(List.of("dispatched", "completed"), db.states(B));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailureAfterTheTaskInsertAndBeforeCommitLeavesNeitherTheDispatchedRowNorTheTask(TestDatabase database) {
        TestDatabase db = database.fresh();
        CommitFailingDataSource ds = new CommitFailingDataSource(db.url(), "sequencer_scheduled_tasks");
        List<OperationDescriptor> ops = List.of(async("2024_01_02_000000", "background", () -> effect("b")));

        try (Sequencer sequencer = over(db, ops).dataSource(ds).load()) {
            ds.armed.set(true);
            SequencerException e = assertThrows(SequencerException.class, sequencer::process);
            ds.armed.set(false);

            assertTrue(e.getMessage().contains(B), e.getMessage());
            assertTrue(e.getMessage().contains("forced failure before commit"), e.getMessage());
            assertEquals(List.of(), db.states(B));
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));

            sequencer.process();
            assertEquals(List.of("dispatched"), db.states(B), "it stayed pending, so the next run dispatches it");
            assertEquals(1, db.count("select count(*) from sequencer_scheduled_tasks"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAsynchronousOperationFailingTwiceCompletesOnItsThirdAttemptWithARowPerAttempt(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicInteger calls = new AtomicInteger();
        List<OperationDescriptor> ops = List.of(op("2024_01_02_000000", "background", true, attempts(3), () -> ctx -> {
            effect("b" + ctx.attempt()).handle(ctx);
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("not yet " + calls.get());
            }
        }));

        try (Sequencer sequencer = over(db, ops).load()) {
            sequencer.process();
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            // The dispatched row is not an attempt: attempt 1 fails, 2 fails, 3 completes.
            assertEquals(List.of("dispatched", "failed", "failed", "completed"), db.states(B));
            assertEquals(
                    List.of("1", "1", "2", "3"),
                    db.strings("select attempt from sequencer_operations where name = '" + B + "' order by id"));
            assertEquals(2, db.count("select count(*) from sequencer_operation_errors"));
            assertEquals(List.of("b3"), db.strings("select note from effects"), "failed attempts rolled back");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAsynchronousOperationFailingMoreOftenThanItsAttemptsEndsFailedWithItsLastError(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicInteger calls = new AtomicInteger();
        List<OperationDescriptor> ops = List.of(op("2024_01_02_000000", "background", true, attempts(2), () -> ctx -> {
            throw new IllegalStateException("broken " + calls.incrementAndGet());
        }));

        try (Sequencer sequencer = over(db, ops).load()) {
            sequencer.process();
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(List.of("dispatched", "failed", "failed"), db.states(B));
            assertEquals(2, calls.get());
            OperationStatus status = status(sequencer, B);
            assertEquals(OperationState.FAILED, status.state());
            assertTrue(status.pending());
            assertEquals("IllegalStateException: broken 2", status.lastMessage());
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
        }
    }

    /** Runs not before {@code executeAt}, which it answers at dispatch: three seconds later. */
    public static final class Later implements OperationHandler, ScheduledOperation {
        static final List<Instant> dueAt = Collections.synchronizedList(new ArrayList<>());
        static final List<Instant> ranAt = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Instant executeAt(OperationContext context) {
            Instant at = Instant.now().plusSeconds(3);
            dueAt.add(at);
            return at;
        }

        @Override
        public void handle(OperationContext context) throws Exception {
            ranAt.add(Instant.now());
            effect("later").handle(context);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aScheduledOperationIsNotRunBeforeItsExecutionTimeAndIsRunAfterIt(TestDatabase database) {
        TestDatabase db = database.fresh();
        Later.dueAt.clear();
        Later.ranAt.clear();
        List<OperationDescriptor> ops = List.of(async("2024_01_02_000000", "background", Later::new));

        try (Sequencer sequencer = over(db, ops).load()) {
            RunReport report = sequencer.process();
            Worker worker = sequencer.worker();
            Instant due = Later.dueAt.get(0);
            assertTrue(report.operations().get(0).detail().startsWith("due at "), report.toString());

            assertTrue(worker.awaitIdle(WAIT), "a task that is not due yet leaves the worker idle");
            Instant checked = Instant.now();
            List<String> states = db.states(B);
            if (checked.isBefore(due)) {
                assertEquals(List.of("dispatched"), states);
                assertEquals(0, effects(db, B));
            }

            await("the scheduled operation completes", WAIT, () -> db.states(B).contains("completed"));
            assertEquals(1, effects(db, B));
            assertFalse(Later.ranAt.get(0).isBefore(due), "ran at " + Later.ranAt + ", due at " + due);
            worker.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withForceSyncMigrateReturnsOnlyWhenTheAsynchronousOperationIsCompleted(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(async("2024_01_02_000000", "background", () -> effect("b")));

        try (Sequencer sequencer = over(db, ops)
                .strategy("migration")
                .property("sequencer.migration.force-sync", "true")
                .load()) {
            RunReport report = sequencer.migrate();

            assertEquals(Outcome.COMPLETED, report.operations().get(0).outcome());
            assertEquals(List.of("completed"), db.states(B));
            assertEquals(1, effects(db, B));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDependentOfADispatchedOperationStaysPendingUntilItCompletesAndALaterProcessRunsIt(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                async("2024_01_02_000000", "background", () -> effect("b")),
                op("2024_01_03_000000", "last", false, OperationPolicy.DEFAULT, () -> effect("c"), B));

        try (Sequencer sequencer = over(db, ops).load()) {
            RunReport first = sequencer.process();
            RunReport.Step waiting = first.operations().get(1);
            assertEquals(Outcome.WAITING, waiting.outcome());
            assertTrue(waiting.detail().contains("waits on " + B + " (dispatched)"), waiting.detail());
            assertEquals(List.of(), db.states(C));

            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }
            assertEquals(List.of(), db.states(C), "only a run executes synchronous operations");

            sequencer.process();
            assertEquals(List.of("completed"), db.states(C));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDispatchedOperationWhoseTaskIsGoneIsReportedLostAndCanBeRedispatched(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(sync("2024_01_02_000000", "background", () -> effect("b")));

        try (Sequencer sequencer =
                over(db, ops).property("sequencer.async.all", "true").load()) {
            sequencer.process();
            assertEquals(List.of("dispatched"), db.states(B), "sequencer.async.all dispatches every operation");
            try (var c = db.connect();
                    var s = c.createStatement()) {
                s.executeUpdate("delete from sequencer_scheduled_tasks");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }

            OperationStatus lost = status(sequencer, B);
            assertTrue(lost.lost());
            assertTrue(lost.lastMessage().contains("sequencer_scheduled_tasks"), lost.lastMessage());
            assertTrue(lost.lastMessage().contains("redispatch(\"" + B + "\")"), lost.lastMessage());

            sequencer.redispatch(B);
            assertFalse(status(sequencer, B).lost());
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }
            assertEquals(List.of("dispatched", "dispatched", "completed"), db.states(B));
            assertEquals(1, effects(db, B));
        }
    }
}
