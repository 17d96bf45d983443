package dev.sequencer;

import static dev.sequencer.support.AsyncFixtures.attempts;
import static dev.sequencer.support.AsyncFixtures.deferred;
import static dev.sequencer.support.AsyncFixtures.effect;
import static dev.sequencer.support.AsyncFixtures.op;
import static dev.sequencer.support.AsyncFixtures.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.CommitFailingDataSource;
import dev.sequencer.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On a worker, as in a run: whatever an asynchronous operation or a deferred handler throws, its work is rolled back,
 * the attempt is recorded, {@code @Retry} (or the deferred task's three attempts) is followed, and the task ends.
 */
class WorkerAtomicityTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String B = "2024_01_02_000000_background";

    static Stream<TestDatabase> databases() {
        return TestDatabase.all().map(server -> server.isolated("seq_worker"));
    }

    static long errorRows(TestDatabase db, String exceptionClass) {
        return db.count(
                "select count(*) from sequencer_operation_errors where exception_class = '" + exceptionClass + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anErrorOnAWorkerIsRolledBackRecordedRetriedAndEnds(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(op("2024_01_02_000000", "background", true, attempts(2), () -> ctx -> {
            effect("partial").handle(ctx);
            throw new StackOverflowError("deep recursion");
        }));

        try (Sequencer sequencer = over(db, ops).load()) {
            sequencer.process();
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(0, db.count("select count(*) from effects"), "both attempts rolled back");
            assertEquals(List.of("dispatched", "failed", "failed"), db.states(B));
            assertEquals(2, errorRows(db, "java.lang.StackOverflowError"));
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"), "the task ended");
            OperationStatus status = sequencer.status().get(0);
            assertEquals(OperationState.FAILED, status.state());
            assertTrue(status.pending());
            assertFalse(status.dispatched());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anErrorInADeferredHandlerIsRolledBackAndRetriedUntilItsThreeAttemptsAreUsed(TestDatabase database) {
        TestDatabase db = database.fresh();
        DeferredHandler failing = (ctx, payload) -> {
            effect("partial").handle(ctx);
            throw new StackOverflowError("deep recursion");
        };

        try (Sequencer sequencer = over(db, List.of())
                .property("sequencer.async.deferred-retry-delay", "100ms")
                .deferredHandlers(List.of(deferred("mail", () -> failing)))
                .load()) {
            sequencer.process();
            String id = sequencer.defer("mail", "{}", Instant.now());
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(List.of("failed"), db.strings("select state from sequencer_deferred_tasks"));
            assertEquals(
                    List.of("3"), db.strings("select attempt from sequencer_deferred_tasks where id = '" + id + "'"));
            assertTrue(db.strings("select last_error from sequencer_deferred_tasks")
                    .get(0)
                    .contains("StackOverflowError"));
            assertEquals(0, db.count("select count(*) from effects"));
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
        }
    }

    /** Completes, then its after() hook throws an Error. */
    public static final class AfterHookBreaks implements OperationHandler, LifecycleHooks {
        @Override
        public void handle(OperationContext context) throws Exception {
            effect("done").handle(context);
        }

        @Override
        public void after(OperationContext context) {
            throw new AssertionError("after() breaks");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAfterHookThatThrowsAnErrorAfterTheCommitLeavesTheOperationCompleted(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_02_000000", "background", true, attempts(1), AfterHookBreaks::new),
                op("2024_01_03_000000", "inline", false, attempts(1), AfterHookBreaks::new));

        try (Sequencer sequencer = over(db, ops).load()) {
            RunReport run = sequencer.process();
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(RunReport.Outcome.COMPLETED, run.operations().get(1).outcome());
            assertEquals(List.of("dispatched", "completed"), db.states(B));
            assertEquals(List.of("completed"), db.states("2024_01_03_000000_inline"));
            assertEquals(0, db.count("select count(*) from sequencer_operation_errors"));
            assertEquals(2, db.count("select count(*) from effects"));
            assertTrue(sequencer.process().nothingPending(), "applied once, never again");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailureAtCommitUnderATimeLimitOnAWorkerIsRecordedAndEnds(TestDatabase database) {
        TestDatabase db = database.fresh();
        CommitFailingDataSource ds = new CommitFailingDataSource(db.url(), "sequencer_operations");
        List<OperationDescriptor> ops = List.of(op(
                "2024_01_02_000000",
                "background",
                true,
                new OperationPolicy(1, List.of(), Duration.ofSeconds(30), false, List.of()),
                () -> effect("lost with the commit")));

        try (Sequencer sequencer = over(db, ops).dataSource(ds).load()) {
            sequencer.process();
            ds.armOnce();
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(List.of("dispatched", "failed"), db.states(B));
            assertEquals(1, errorRows(db, "java.sql.SQLException"));
            assertEquals(0, db.count("select count(*) from effects"));
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
        }
    }
}
