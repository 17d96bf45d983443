package dev.sequencer;

import static dev.sequencer.support.AsyncFixtures.async;
import static dev.sequencer.support.AsyncFixtures.await;
import static dev.sequencer.support.AsyncFixtures.deferred;
import static dev.sequencer.support.AsyncFixtures.effect;
import static dev.sequencer.support.AsyncFixtures.op;
import static dev.sequencer.support.AsyncFixtures.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What belongs to the asynchronous backend stays with it: a run leaves alone an operation whose task is live,
 * redispatch never starts a second copy of an operation a worker is running, a worker's attempt whose worker is gone is
 * pending again, a task no worker can run is given up and shown, and {@code awaitIdle} waits for retries due within
 * the wait.
 */
class BackendOwnershipTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String B = "2024_01_02_000000_background";

    static Stream<TestDatabase> databases() {
        return TestDatabase.all().map(server -> server.isolated("seq_backend"));
    }

    static OperationPolicy retryAfter(Duration backoff) {
        return new OperationPolicy(2, List.of(backoff), null, false, List.of());
    }

    static OperationStatus status(Sequencer sequencer, String name) {
        return sequencer.status().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static void deleteTasks(TestDatabase db) {
        db.execute("delete from sequencer_scheduled_tasks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunLeavesAnOperationWaitingForItsRetryToTheBackendAndSaysSo(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicInteger calls = new AtomicInteger();
        List<OperationDescriptor> ops =
                List.of(op("2024_01_02_000000", "background", true, retryAfter(Duration.ofMinutes(10)), () -> ctx -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("first attempt fails");
                    }
                    effect("b").handle(ctx);
                }));

        try (Sequencer sequencer = over(db, ops).load()) {
            sequencer.process();
            try (Worker worker = sequencer.worker()) {
                await("the first attempt failed", WAIT, () -> db.states(B).equals(List.of("dispatched", "failed")));
            }

            RunReport run = sequencer.process();

            RunReport.Step step = run.operations().get(0);
            assertEquals(RunReport.Outcome.WAITING, step.outcome());
            assertTrue(step.detail().contains("a retry is scheduled"), step.detail());
            assertEquals(List.of("dispatched", "failed"), db.states(B), "the run did not touch it");
            assertEquals(1, db.count("select count(*) from sequencer_scheduled_tasks"));
            OperationStatus status = status(sequencer, B);
            assertEquals(OperationState.FAILED, status.state());
            assertFalse(status.pending(), "the backend owns it until its retry");
            RunReport plan =
                    sequencer.process(ProcessOptions.builder().dryRun(true).build());
            assertEquals(RunReport.Outcome.WAITING, plan.operations().get(0).outcome());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void redispatchRefusesAnOperationAWorkerIsRunningSoNothingRunsTwice(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<OperationDescriptor> ops = List.of(async("2024_01_02_000000", "background", () -> ctx -> {
            effect("b").handle(ctx);
            entered.countDown();
            release.await(60, TimeUnit.SECONDS);
        }));

        try (Sequencer sequencer = over(db, ops).load()) {
            sequencer.process();
            try (Worker worker = sequencer.worker()) {
                assertTrue(entered.await(60, TimeUnit.SECONDS));
                deleteTasks(db); // by hand, while the worker runs the operation
                assertTrue(status(sequencer, B).lost());

                SequencerException e = assertThrows(SequencerException.class, () -> sequencer.redispatch(B));
                assertTrue(
                        e.getMessage()
                                .startsWith(RuntimeMessage.REDISPATCH_REFUSED.format(B, "")
                                        .split(":")[0]),
                        e.getMessage());

                release.countDown();
                await("the worker completed it", WAIT, () -> db.states(B).contains("completed"));
            } finally {
                release.countDown();
            }
            assertEquals(List.of("dispatched", "completed"), db.states(B));
            assertEquals(1, db.count("select count(*) from effects"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunningRowWhoseWorkerIsGoneIsPendingAndTheNextRunDispatchesItAgain(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(new OperationDescriptor(
                B,
                "20240102000000",
                "test." + B,
                "",
                List.of(),
                List.of(),
                null,
                false,
                true,
                true,
                async("2024_01_02_000000", "background", () -> effect("b")).source(),
                OperationPolicy.DEFAULT));

        try (Sequencer sequencer = over(db, ops).load()) {
            sequencer.process();
            // What a worker killed in the middle of this non-transactional operation leaves: its running row, and
            // (once another worker has revived and dropped it, or by hand) no task.
            db.execute("insert into sequencer_operations (name, state, class_name, attempt, owner, started_at)"
                    + " values ('" + B + "', 'running', 'test', 1, 'worker:gone', current_timestamp)");
            deleteTasks(db);

            OperationStatus status = status(sequencer, B);
            assertTrue(status.pending());
            assertTrue(status.lastMessage().contains("interrupted"), status.lastMessage());

            RunReport run = sequencer.process();
            assertEquals(RunReport.Outcome.DISPATCHED, run.operations().get(0).outcome());
            assertTrue(run.operations().get(0).detail().contains("interrupted"), run.toString());
            assertEquals(List.of("dispatched", "failed", "dispatched"), db.states(B));

            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }
            assertEquals(List.of("dispatched", "failed", "dispatched", "completed"), db.states(B));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTaskForAnOperationNoWorkerKnowsIsGivenUpAfterItsAttemptsAndShownFailed(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(async("2024_01_02_000000", "background", () -> effect("b")));
        try (Sequencer newer = over(db, ops).load();
                Sequencer older = over(db, List.of())
                        .property("sequencer.async.task-attempts", "3")
                        .property("sequencer.async.task-retry-delay", "100ms")
                        .load()) {
            newer.process();

            try (Worker worker = older.worker()) {
                assertTrue(worker.awaitIdle(WAIT), "idle only once the task is given up");
            }

            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
            assertEquals(List.of("dispatched", "failed"), db.states(B));
            String reason = db.strings("select reason from sequencer_operations where state = 'failed'")
                    .get(0);
            assertTrue(reason.contains("not in this worker's registry") && reason.contains("3"), reason);
            OperationStatus status = status(newer, B);
            assertEquals(OperationState.FAILED, status.state());
            assertTrue(status.pending(), "a worker that knows it runs it once the next run dispatches it again");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDeferredTaskForAnAliasNoWorkerKnowsIsGivenUpAndRecordedFailed(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer newer = over(db, List.of())
                        .deferredHandlers(List.of(deferred("mail", () -> (ctx, payload) -> {})))
                        .load();
                Sequencer older = over(db, List.of())
                        .property("sequencer.async.task-attempts", "3")
                        .property("sequencer.async.task-retry-delay", "100ms")
                        .load()) {
            newer.process();
            newer.defer("mail", "{}", Instant.now());

            try (Worker worker = older.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
            assertEquals(List.of("failed"), db.strings("select state from sequencer_deferred_tasks"));
            String error = db.strings("select last_error from sequencer_deferred_tasks")
                    .get(0);
            assertTrue(error.contains("'mail'") && error.contains("3"), error);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void awaitIdleWaitsForARetryDueWithinTheWait(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicInteger calls = new AtomicInteger();
        List<OperationDescriptor> ops =
                List.of(op("2024_01_02_000000", "background", true, retryAfter(Duration.ofSeconds(1)), () -> ctx -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("first attempt fails");
                    }
                    effect("b").handle(ctx);
                }));

        try (Sequencer sequencer = over(db, ops).load()) {
            sequencer.process();
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }
            assertEquals(List.of("dispatched", "failed", "completed"), db.states(B));
        }
    }
}
