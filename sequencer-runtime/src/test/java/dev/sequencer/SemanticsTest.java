package dev.sequencer;

import static dev.sequencer.support.Sequencers.insert;
import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.builder;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 4: dependencies, selection, retries, time limits, allowed-to-fail, environments, hooks, on every database. */
class SemanticsTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    static OperationPolicy policy(int attempts, Duration timeout, boolean allowedToFail, String... environments) {
        return new OperationPolicy(attempts, List.of(), timeout, allowedToFail, List.of(environments));
    }

    static List<String> names(RunReport report) {
        return report.operations().stream().map(RunReport.Step::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dependencyChainRunsInOrderAndWaitsBehindAFailure(TestDatabase database) {
        TestDatabase db = database.fresh();
        boolean[] aBroken = {true};
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<OperationDescriptor> ops = List.of(
                builder("2024_01_03_000000", "c", () -> ctx -> ran.add("c"))
                        .dependsOn("2024_01_02_000000_b")
                        .build(),
                op("2024_01_01_000000", "a", () -> ctx -> {
                    if (aBroken[0]) {
                        throw new IllegalStateException("a is broken");
                    }
                    ran.add("a");
                }),
                builder("2024_01_02_000000", "b", () -> ctx -> ran.add("b"))
                        .dependsOn("2024_01_01_000000_a")
                        .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);
            assertTrue(e.getMessage().contains("2024_01_02_000000_b, 2024_01_03_000000_c wait on it"), e.getMessage());
            assertEquals(List.of(), ran);
            assertEquals(List.of(), db.states("2024_01_02_000000_b"));

            aBroken[0] = false;
            sequencer.process();
            assertEquals(List.of("a", "b", "c"), ran);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void allowedToFailLetsTheRunGoOnWithoutRollbackAndDependentsWait(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "undoable", () -> new ProcessTest.InsertWithUndo(1)),
                builder("2024_01_02_000000", "may_fail", () -> ctx -> {
                            throw new IllegalStateException("optional data missing");
                        })
                        .policy(policy(1, null, true))
                        .build(),
                builder("2024_01_03_000000", "needs_it", () -> ctx -> {})
                        .dependsOn("2024_01_02_000000_may_fail")
                        .build(),
                op("2024_01_04_000000", "later", () -> insert("items", 4, "later")));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            RunReport report = sequencer.process();

            assertEquals(List.of("completed"), db.states("2024_01_01_000000_undoable"), "nothing rolled back");
            assertEquals(List.of("failed"), db.states("2024_01_02_000000_may_fail"));
            assertEquals(1, db.count("select count(*) from sequencer_operation_errors"));
            assertEquals(List.of("completed"), db.states("2024_01_04_000000_later"));
            RunReport.Step waiting = report.operations().stream()
                    .filter(s -> s.name().equals("2024_01_03_000000_needs_it"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(RunReport.Outcome.WAITING, waiting.outcome());
            assertEquals("waits on 2024_01_02_000000_may_fail (failed)", waiting.detail());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void tagsFromTimestampAndRepeatSelectWhatRuns(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                builder("2024_01_01_000000", "invoices", () -> ctx -> {})
                        .tags("billing")
                        .build(),
                builder("2024_01_02_000000", "emails", () -> ctx -> {})
                        .tags("mail")
                        .build(),
                builder("2024_01_03_000000", "refunds", () -> ctx -> {})
                        .tags("billing", "slow")
                        .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            RunReport billing =
                    sequencer.process(ProcessOptions.builder().tags("billing").build());
            assertEquals(List.of("2024_01_01_000000_invoices", "2024_01_03_000000_refunds"), names(billing));
            assertEquals(0, db.count("select count(*) from items"), "the migration creating items was still applied");

            RunReport repeat = sequencer.process(ProcessOptions.builder()
                    .from("2024_01_02_000000")
                    .repeat(true)
                    .build());
            assertEquals(List.of("2024_01_02_000000_emails", "2024_01_03_000000_refunds"), names(repeat));
            assertEquals(List.of("completed", "completed"), db.states("2024_01_03_000000_refunds"));
            assertEquals(List.of("completed"), db.states("2024_01_01_000000_invoices"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void executeRunsANamedOperationEvenIfCompletedAndRollbackUndoesOne(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicInteger runs = new AtomicInteger();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "undoable", () -> new ProcessTest.InsertWithUndo(1)),
                op("2024_01_02_000000", "counted", () -> ctx -> runs.incrementAndGet()));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            sequencer.process();
            sequencer.execute("2024_01_02_000000_counted");
            sequencer.execute("2024_01_02_000000_counted", false);
            assertEquals(3, runs.get());
            assertEquals(List.of("completed", "completed"), db.states("2024_01_02_000000_counted"));

            sequencer.rollback("2024_01_01_000000_undoable");
            assertEquals(List.of("completed", "rolled_back"), db.states("2024_01_01_000000_undoable"));
            assertEquals(0, db.count("select count(*) from items"));
            SequencerException notRollbackable =
                    assertThrows(SequencerException.class, () -> sequencer.rollback("2024_01_02_000000_counted"));
            assertTrue(
                    notRollbackable.getMessage().contains("does not implement Rollbackable"),
                    notRollbackable.getMessage());
            SequencerException unknown = assertThrows(SequencerException.class, () -> sequencer.execute("nope"));
            assertTrue(unknown.getMessage().contains("No operation is named 'nope'"), unknown.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void retriesUntilAnAttemptSucceedsAndRecordsEveryAttempt(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicInteger calls = new AtomicInteger();
        OperationPolicy threeAttempts = new OperationPolicy(3, List.of(Duration.ofMillis(10)), null, false, List.of());
        List<OperationDescriptor> ops = List.of(
                builder("2024_01_01_000000", "flaky", () -> ctx -> {
                            if (calls.incrementAndGet() < 3) {
                                throw new IllegalStateException("try " + calls.get());
                            }
                        })
                        .policy(threeAttempts)
                        .build(),
                builder("2024_01_02_000000", "hopeless", () -> ctx -> {
                            throw new IllegalStateException("never works");
                        })
                        .policy(new OperationPolicy(2, List.of(), null, true, List.of()))
                        .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            sequencer.process();
        }
        assertEquals(List.of("failed", "failed", "completed"), db.states("2024_01_01_000000_flaky"));
        assertEquals(
                List.of("1", "2", "3"),
                db.strings(
                        "select attempt from sequencer_operations where name = '2024_01_01_000000_flaky' order by id"));
        assertEquals(List.of("failed", "failed"), db.states("2024_01_02_000000_hopeless"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void operationOverItsTimeLimitFailsWithATimeoutErrorAndNoneOfItsWrites(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(builder("2024_01_01_000000", "slow", () -> ctx -> {
                    insert("items", 1, "written before the limit").handle(ctx);
                    Thread.sleep(30_000);
                })
                .policy(policy(1, Duration.ofMillis(300), false))
                .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);
            assertTrue(e.getMessage().contains("exceeded its time limit of 300ms"), e.getMessage());
        }
        assertEquals(List.of("failed"), db.states("2024_01_01_000000_slow"));
        assertEquals(0, db.count("select count(*) from items"));
        assertEquals(
                List.of("dev.sequencer.OperationTimeoutException"),
                db.strings("select exception_class from sequencer_operation_errors"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void environmentsSkipOperationsElsewhereWithTheReason(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                builder("2024_01_01_000000", "prod_only", () -> ctx -> {})
                        .policy(policy(1, null, false, "production"))
                        .build(),
                builder("2024_01_02_000000", "staging", () -> ctx -> {})
                        .policy(policy(1, null, false, "staging-*"))
                        .build());

        try (Sequencer sequencer = over(db, "basic", ops)
                .property("sequencer.environment", "staging-eu")
                .load()) {
            sequencer.process();
        }
        assertEquals(List.of("skipped"), db.states("2024_01_01_000000_prod_only"));
        assertEquals(
                List.of("runs only in [production]; sequencer.environment is 'staging-eu'"),
                db.strings("select reason from sequencer_operations where name = '2024_01_01_000000_prod_only'"));
        assertEquals(List.of("completed"), db.states("2024_01_02_000000_staging"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lifecycleHooksAreCalledOnSuccessAndFailure(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        class Hooked implements OperationHandler, LifecycleHooks {
            private final boolean fail;

            Hooked(boolean fail) {
                this.fail = fail;
            }

            @Override
            public void handle(OperationContext context) {
                calls.add("handle " + context.name());
                if (fail) {
                    throw new IllegalStateException("x");
                }
            }

            @Override
            public void before(OperationContext context) {
                calls.add("before " + context.name());
            }

            @Override
            public void after(OperationContext context) {
                calls.add("after " + context.name());
            }

            @Override
            public void failed(OperationContext context, Throwable error) {
                calls.add("failed " + context.name() + " " + error.getMessage());
            }
        }
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "ok", () -> new Hooked(false)),
                op("2024_01_02_000000", "ko", () -> new Hooked(true)));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            assertThrows(OperationFailedException.class, sequencer::process);
        }
        assertEquals(
                List.of(
                        "before 2024_01_01_000000_ok",
                        "handle 2024_01_01_000000_ok",
                        "after 2024_01_01_000000_ok",
                        "before 2024_01_02_000000_ko",
                        "handle 2024_01_02_000000_ko",
                        "failed 2024_01_02_000000_ko x"),
                calls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void transactionalBatchLeavesNoWriteAndNoCompletedRowWhenOneOperationFails(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "one", () -> insert("items", 1, "one")),
                op("2024_01_02_000000", "two", () -> insert("items", 2, "two")),
                op("2024_01_03_000000", "three", () -> ctx -> {
                    insert("items", 3, "three").handle(ctx);
                    throw new IllegalStateException("three breaks");
                }));

        try (Sequencer sequencer = over(db, "basic", ops)
                .property("sequencer.orchestrator", "transactional-batch")
                .load()) {
            assertThrows(OperationFailedException.class, sequencer::process);
        }
        assertEquals(0, db.count("select count(*) from items"));
        assertEquals(0, db.count("select count(*) from sequencer_operations where state = 'completed'"));
        assertEquals(List.of("failed"), db.states("2024_01_03_000000_three"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void transactionalBatchRunsAnOperationWhoseDependenciesCompletedBeforeAndInsideTheBatch(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                builder("2024_01_01_000000", "earlier", () -> insert("items", 1, "earlier"))
                        .tags("early")
                        .build(),
                op("2024_01_02_000000", "in_batch", () -> insert("items", 2, "in batch")),
                builder("2024_01_03_000000", "needs_both", () -> insert("items", 3, "needs both"))
                        .dependsOn("2024_01_01_000000_earlier", "2024_01_02_000000_in_batch")
                        .build());

        try (Sequencer sequencer = over(db, "basic", ops)
                .property("sequencer.orchestrator", "transactional-batch")
                .load()) {
            sequencer.process(ProcessOptions.builder().tags("early").build());
            RunReport batch = sequencer.process();

            assertEquals(List.of("2024_01_02_000000_in_batch", "2024_01_03_000000_needs_both"), names(batch));
        }
        assertEquals(3, db.count("select count(*) from items"));
        assertEquals(List.of("completed"), db.states("2024_01_03_000000_needs_both"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void parallelModeCompletesFiftyOperationsOnceAndRespectsADependencyChain(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> chain = Collections.synchronizedList(new ArrayList<>());
        List<OperationDescriptor> ops = new ArrayList<>();
        for (int i = 0; i < 47; i++) {
            int id = 100 + i;
            ops.add(op("2024_01_01_0000" + String.format("%02d", i), "independent", () -> insert("items", id, "p")));
        }
        ops.add(op("2024_02_01_000000", "first", () -> ctx -> chain.add("first")));
        ops.add(builder("2024_02_02_000000", "second", () -> ctx -> chain.add("second"))
                .dependsOn("2024_02_01_000000_first")
                .build());
        ops.add(builder("2024_02_03_000000", "third", () -> ctx -> chain.add("third"))
                .dependsOn("2024_02_02_000000_second")
                .build());

        try (Sequencer sequencer = over(db, "basic", ops)
                .property("sequencer.orchestrator", "parallel")
                .property("sequencer.orchestrator.threads", "4")
                .load()) {
            sequencer.process();
            assertTrue(sequencer.process().nothingPending());
        }
        assertEquals(50, db.count("select count(*) from sequencer_operations where state = 'completed'"));
        assertEquals(50, db.count("select count(distinct name) from sequencer_operations"));
        assertEquals(47, db.count("select count(*) from items"));
        assertEquals(List.of("first", "second", "third"), chain);
    }
}
