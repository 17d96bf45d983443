package dev.sequencer;

import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sequencer.support.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC section 5 "Locking, multi-node" with two Sequencers over one database in one JVM (H2: one named in-memory
 * database shared by both pools): a run holding the Sequencer lock makes a second run wait, time out with a clear
 * error, or, given time, re-read the pending set after acquiring the lock.
 */
class LockTest {

    static final String OPERATION = "2024_01_02_000000_blocks";
    static final long AWAIT_SECONDS = 30;

    private ExecutorService executor;
    private CountDownLatch entered;
    private CountDownLatch release;
    private AtomicInteger effects;

    static Stream<TestDatabase> databases() {
        return TestDatabase.all().map(db -> db.isolated("seq_lock"));
    }

    @BeforeEach
    void setUp() {
        executor = Executors.newCachedThreadPool();
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        effects = new AtomicInteger();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown(); // never leave run 1 blocked, even when an assertion failed
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(AWAIT_SECONDS, TimeUnit.SECONDS), "background runs ended");
    }

    /** One operation that counts its runs, says it has entered, then blocks until released. */
    private List<OperationDescriptor> blockingOperation() {
        return List.of(op("2024_01_02_000000", "blocks", () -> ctx -> {
            effects.incrementAndGet();
            entered.countDown();
            if (!release.await(AWAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        }));
    }

    /** Starts run 1 in the background and returns once its operation holds the lock and blocks. */
    private Future<RunReport> startBlockedRun(Sequencer first) throws InterruptedException {
        Future<RunReport> run = executor.submit(() -> first.process());
        assertTrue(entered.await(AWAIT_SECONDS, TimeUnit.SECONDS), "run 1 entered its operation");
        return run;
    }

    static Stream<TestDatabase> servers() {
        return TestDatabase.servers();
    }

    /** MariaDB's GET_LOCK names are server-wide: the lock must name the database, as PostgreSQL's are per database. */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // runs on the configured servers only
    @MethodSource("servers")
    void aRunOnAnotherDatabaseOfTheSameServerDoesNotWaitForTheLock(TestDatabase server) throws Exception {
        TestDatabase db = server.isolated("seq_lock").fresh();
        TestDatabase other = server.isolated("seq_lock_other").fresh();
        List<OperationDescriptor> elsewhere = List.of(op("2024_01_02_000000", "elsewhere", () -> ctx -> {}));
        try (Sequencer first = over(db, "basic", blockingOperation()).load();
                Sequencer second = over(other, "basic", elsewhere)
                        .property("sequencer.lock.timeout", "1s")
                        .load()) {
            Future<RunReport> run1 = startBlockedRun(first);

            RunReport report = second.process();

            assertEquals(RunReport.Outcome.COMPLETED, report.operations().get(0).outcome());
            assertEquals(List.of("completed"), other.states("2024_01_02_000000_elsewhere"));
            release.countDown();
            run1.get(AWAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of("completed"), db.states(OPERATION));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunWithEveryOperationDoneTakesNoLockButOneWithAPendingOperationWaits(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> done = List.of(op("2024_01_01_000000", "done", () -> ctx -> {}));
        try (Sequencer idle = over(db, "basic", done)
                        .property("sequencer.lock.timeout", "1s")
                        .property("sequencer.validate.ignore-unknown", OPERATION)
                        .load();
                Sequencer first = over(db, "basic", blockingOperation())
                        .property("sequencer.validate.ignore-unknown", "2024_01_01_000000_done")
                        .load()) {
            idle.process(); // runs 'done'
            Future<RunReport> run1 = startBlockedRun(first); // holds the lock

            RunReport report = idle.process();

            assertTrue(report.nothingPending(), report.steps().toString());
            try (Sequencer pending = over(
                            db, "basic", List.of(done.get(0), op("2024_01_03_000000", "new", () -> ctx -> {})))
                    .property("sequencer.lock.timeout", "1s")
                    .property("sequencer.validate.ignore-unknown", OPERATION)
                    .load()) {
                assertThrows(LockTimeoutException.class, pending::process, "a pending operation waits for the lock");
            }
            release.countDown();
            run1.get(AWAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of("completed"), db.states("2024_01_01_000000_done"));
            assertEquals(List.of(), db.states("2024_01_03_000000_new"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rollbackOnDemandTakesTheLockEvenWhenEveryOperationIsDone(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        UndoableNothing.undone.set(0); // a failure on an earlier database must not carry over
        List<OperationDescriptor> done = List.of(op("2024_01_01_000000", "undoable", UndoableNothing::new));
        try (Sequencer idle = over(db, "basic", done)
                        .property("sequencer.lock.timeout", "1s")
                        .property("sequencer.validate.ignore-unknown", OPERATION)
                        .load();
                Sequencer first = over(db, "basic", blockingOperation())
                        .property("sequencer.validate.ignore-unknown", "2024_01_01_000000_undoable")
                        .load()) {
            idle.process();
            Future<RunReport> run1 = startBlockedRun(first); // holds the lock

            assertThrows(LockTimeoutException.class, () -> idle.rollback("2024_01_01_000000_undoable"));
            assertEquals(0, UndoableNothing.undone.get(), "nothing was rolled back without the lock");

            release.countDown();
            run1.get(AWAIT_SECONDS, TimeUnit.SECONDS);
            idle.rollback("2024_01_01_000000_undoable");
            assertEquals(1, UndoableNothing.undone.getAndSet(0));
            assertEquals(List.of("completed", "rolled_back"), db.states("2024_01_01_000000_undoable"));
        }
    }

    /** An operation that does nothing and counts its rollbacks. */
    static final class UndoableNothing implements OperationHandler, Rollbackable {
        static final AtomicInteger undone = new AtomicInteger();

        @Override
        public void handle(OperationContext context) {}

        @Override
        public void rollback(OperationContext context) {
            undone.incrementAndGet();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void heldLockMakesASecondRunWaitAndFailWithTheTimeoutError(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = blockingOperation();
        try (Sequencer first = over(db, "basic", ops).load();
                Sequencer second = over(db, "basic", ops)
                        .property("sequencer.lock.timeout", "1s")
                        .load()) {
            Future<RunReport> run1 = startBlockedRun(first);

            LockTimeoutException e = assertThrows(LockTimeoutException.class, second::process);

            assertTrue(e.getMessage().contains("sequencer_lock"), e.getMessage());
            assertTrue(e.getMessage().contains("sequencer.lock.timeout"), e.getMessage());
            release.countDown();
            RunReport report = run1.get(AWAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(
                    List.of(OPERATION),
                    report.operations().stream()
                            .filter(s -> s.outcome() == RunReport.Outcome.COMPLETED)
                            .map(RunReport.Step::name)
                            .toList(),
                    report.steps().toString());
            assertEquals(1, effects.get());
            assertEquals(List.of("completed"), db.states(OPERATION));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void commandStrategyMigrateWaitsForTheLockOfARunningProcess(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = blockingOperation();
        try (Sequencer first = over(db, "basic", ops).load();
                Sequencer migrateOnly = over(db, "basic", List.of())
                        .property("sequencer.lock.timeout", "1s")
                        .load()) {
            Future<RunReport> run1 = startBlockedRun(first);

            LockTimeoutException e = assertThrows(LockTimeoutException.class, migrateOnly::migrate);

            assertTrue(e.getMessage().contains("sequencer.lock.timeout"), e.getMessage());
            release.countDown();
            run1.get(AWAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(migrateOnly.migrate().nothingPending(), "once free, migrate() takes the lock and finds nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void secondRunWaitsForTheLockThenRereadsThePendingSetAndRunsNothingTwice(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = blockingOperation();
        try (Sequencer first = over(db, "basic", ops).load();
                Sequencer second = over(db, "basic", ops)
                        .property("sequencer.lock.timeout", "20s")
                        .load()) {
            Future<RunReport> run1 = startBlockedRun(first);
            Thread[] run2Thread = new Thread[1];
            CountDownLatch run2Started = new CountDownLatch(1);
            Future<RunReport> run2 = executor.submit(() -> {
                run2Thread[0] = Thread.currentThread();
                run2Started.countDown();
                return second.process();
            });
            assertTrue(run2Started.await(AWAIT_SECONDS, TimeUnit.SECONDS), "run 2 started");
            awaitWaitingForTheLock(run2Thread[0], run2);

            release.countDown();
            RunReport report1 = run1.get(AWAIT_SECONDS, TimeUnit.SECONDS);
            RunReport report2 = run2.get(AWAIT_SECONDS, TimeUnit.SECONDS);

            assertEquals(1, effects.get(), "the operation ran exactly once");
            assertEquals(List.of("completed"), db.states(OPERATION));
            assertEquals(
                    List.of(OPERATION),
                    report1.operations().stream().map(RunReport.Step::name).toList(),
                    report1.steps().toString());
            assertEquals(List.of(), report2.operations(), "run 2 executed no operation");
            assertTrue(report2.nothingPending(), report2.steps().toString());
        }
    }

    /**
     * Waits until {@code thread} is inside the Sequencer lock acquisition. Run 1 holds the lock until released, so
     * from then on run 2 can only read the history after run 1 has finished.
     */
    private static void awaitWaitingForTheLock(Thread thread, Future<RunReport> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                fail("run 2 ended while run 1 held the lock: " + run.get().steps());
            }
            if (Arrays.stream(thread.getStackTrace())
                    .anyMatch(f -> f.getClassName().equals("dev.sequencer.internal.lock.SequencerLock")
                            && f.getMethodName().equals("acquire"))) {
                return;
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(5);
        }
        fail("run 2 never reached the Sequencer lock: " + Arrays.toString(thread.getStackTrace()));
    }
}
