package dev.sequencer;

import static dev.sequencer.support.Sequencers.insert;
import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.builder;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.support.AsyncFixtures;
import dev.sequencer.support.TestDatabase;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Operating Sequencer on a real database: validate, baseline, skip, mark completed, history, info. */
class OperatingTest {

    static final String OLD = "2024_01_02_000000_seed_admin";
    static final String NEW = "2024_01_02_000000_seed_admins";

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    static OperationPolicy allowedToFail() {
        return new OperationPolicy(1, List.of(), null, true, List.of());
    }

    /** How many rows of Flyway's history have version {@code version}. */
    static long migrationRows(TestDatabase db, String version) {
        boolean h2 = db.name().equals("h2"); // Flyway quotes its lower-case names there
        return db.count("select count(*) from " + (h2 ? "\"flyway_schema_history\"" : "flyway_schema_history")
                + " where " + (h2 ? "\"version\"" : "version") + " = '" + version + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRenamedOperationIsRefusedNamingBothNamesAndRunsNothingUntilTheOldNameIsPinned(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer before = over(
                        db, "basic", List.of(op("2024_01_02_000000", "seed_admin", () -> insert("items", 1, "admin"))))
                .load()) {
            before.process();
        }

        List<OperationDescriptor> renamed =
                List.of(op("2024_01_02_000000", "seed_admins", () -> insert("items", 2, "x")));
        try (Sequencer after = over(db, "plain-versions", renamed).load()) {
            HistoryValidationException e = assertThrows(HistoryValidationException.class, after::process);

            assertEquals(1, e.problems().size(), e.getMessage());
            assertTrue(e.getMessage().contains(OLD) && e.getMessage().contains(NEW), e.getMessage());
            assertTrue(e.getMessage().contains("@Operation(name = \"" + OLD + "\")"), e.getMessage());
            assertTrue(e.getMessage().contains("sequencer.validate.ignore-unknown"), e.getMessage());
            assertEquals(1, db.count("select count(*) from sequencer_operations"), "no row written");
            assertEquals(1, migrationRows(db, "1"));
            assertEquals(0, migrationRows(db, "2"), "V2 was not applied");
            assertEquals(1, db.count("select count(*) from items"));
            assertFalse(after.validate().valid());
            assertThrows(
                    HistoryValidationException.class,
                    () -> after.process(ProcessOptions.builder().dryRun(true).build()));
        }
        try (Sequencer other = over(db, "basic", List.of())
                .property("sequencer.lock.timeout", "1s")
                .property("sequencer.validate-on-run", "false")
                .load()) {
            assertTrue(other.process().operations().isEmpty(), "the refused run left no lock behind");
        }

        List<OperationDescriptor> pinned = List.of(new OperationDescriptor(
                OLD,
                "20240102000000",
                "test." + NEW,
                "",
                List.of(),
                List.of(),
                null,
                true,
                false,
                true,
                renamed.get(0).source()));
        try (Sequencer fixed = over(db, "plain-versions", pinned).load()) {
            assertTrue(fixed.validate().valid());
            RunReport run = fixed.process();

            assertEquals(
                    List.of("V2 create notes"),
                    run.steps().stream().map(RunReport.Step::name).toList());
            assertEquals(1, db.count("select count(*) from items"), "nothing ran twice");
            assertEquals(List.of("completed"), db.states(OLD));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void namesOwnedByAnotherApplicationAreIgnoredByPatternAndTheCheckCanBeTurnedOff(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer otherApp = over(db, "basic", List.of(op("2023_05_01_000000", "billing_fix", () -> c -> {})))
                .load()) {
            otherApp.process();
        }
        List<OperationDescriptor> mine = List.of(op("2024_01_01_000000", "mine", () -> insert("items", 1, "mine")));
        try (Sequencer ignoring = over(db, "basic", mine)
                .property("sequencer.validate.ignore-unknown", "2023_*_billing_*, other")
                .load()) {
            assertTrue(ignoring.validate().valid());
            ignoring.process();
            assertEquals(List.of("completed"), db.states("2024_01_01_000000_mine"));
        }
        try (Sequencer unchecked = over(db, "basic", mine)
                .property("sequencer.validate-on-run", "false")
                .load()) {
            assertEquals(1, unchecked.validate().problems().size());
            assertTrue(unchecked.process().nothingPending());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void baselineRecordsWhatWasDoneBeforeAsCompletedWithoutRunningItAndLeavesTheRest(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicInteger ran = new AtomicInteger();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "a", () -> ctx -> ran.incrementAndGet()),
                builder("2024_01_02_000000", "b", () -> insert("items", 2, "b"))
                        .tags("early")
                        .build(),
                builder("2024_01_03_000000", "c", () -> ctx -> ran.incrementAndGet())
                        .dependsOn("2024_01_01_000000_a")
                        .build(),
                builder("2024_01_05_000000", "d", () -> insert("items", 5, "d"))
                        .dependsOn("2024_01_03_000000_c")
                        .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            sequencer.process(ProcessOptions.builder().tags("early").build());

            assertThrows(IllegalArgumentException.class, () -> sequencer.baseline("yesterday"));
            assertThrows(IllegalArgumentException.class, () -> sequencer.baseline("2024_13_01_000000"));
            List<String> baselined = sequencer.baseline("2024_01_03_000000");

            assertEquals(List.of("2024_01_01_000000_a", "2024_01_03_000000_c"), baselined);
            assertEquals(0, ran.get(), "baselined operations did not run");
            assertEquals(List.of("completed"), db.states("2024_01_02_000000_b"), "left alone");
            OperationAttempt a = sequencer.history("2024_01_01_000000_a").get(0);
            assertEquals(OperationState.COMPLETED, a.state());
            assertEquals("baseline", a.reason());
            assertTrue(a.owner().startsWith("operator:"), a.owner());

            RunReport run = sequencer.process();
            assertEquals(
                    List.of("2024_01_05_000000_d"),
                    run.operations().stream().map(RunReport.Step::name).toList(),
                    "d's dependency c counts as completed");
            assertEquals(List.of(), sequencer.baseline("2024_01_05_000000"), "nothing left to baseline");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void skipAndMarkCompletedRecordTheReasonAndRefuseWhatTheyMayNotTouch(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                builder("2024_01_01_000000", "done", () -> insert("items", 1, "done"))
                        .tags("now")
                        .build(),
                builder("2024_01_02_000000", "broken", () -> ctx -> {
                            throw new IllegalStateException("the data it needs is gone");
                        })
                        .tags("now")
                        .policy(allowedToFail())
                        .build(),
                op("2024_01_03_000000", "by_hand", () -> insert("items", 3, "must not run")),
                AsyncFixtures.async("2024_01_04_000000", "background", () -> ctx -> {}));

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            sequencer.process(ProcessOptions.builder().tags("now").build());

            sequencer.skip("2024_01_02_000000_broken", "the data it needs is gone for good");
            sequencer.markCompleted("2024_01_03_000000_by_hand", "done by hand, ticket 42");

            assertEquals(List.of("failed", "skipped"), db.states("2024_01_02_000000_broken"));
            List<OperationAttempt> history = sequencer.history("2024_01_02_000000_broken");
            assertEquals("the data it needs is gone for good", history.get(1).reason());
            assertTrue(
                    history.get(1).owner().startsWith("operator:"),
                    history.get(1).owner());
            assertEquals(List.of("completed"), db.states("2024_01_03_000000_by_hand"));

            SequencerException completed = assertThrows(
                    SequencerException.class, () -> sequencer.skip("2024_01_01_000000_done", "no longer needed"));
            assertEquals(
                    RuntimeMessage.RECORD_REFUSED.format("skip", "2024_01_01_000000_done", "completed"),
                    completed.getMessage());
            SequencerException skipped = assertThrows(
                    SequencerException.class,
                    () -> sequencer.markCompleted("2024_01_02_000000_broken", "changed my mind"));
            assertEquals(
                    RuntimeMessage.RECORD_REFUSED.format("mark completed", "2024_01_02_000000_broken", "skipped"),
                    skipped.getMessage());
            SequencerException unknown =
                    assertThrows(SequencerException.class, () -> sequencer.skip("2024_01_09_000000_nope", "typo"));
            assertTrue(unknown.getMessage().contains("2024_01_09_000000_nope"), unknown.getMessage());
            assertThrows(IllegalArgumentException.class, () -> sequencer.skip("2024_01_04_000000_background", "  "));

            sequencer.process(); // dispatches the asynchronous one
            SequencerException dispatched = assertThrows(
                    SequencerException.class, () -> sequencer.skip("2024_01_04_000000_background", "not needed"));
            assertTrue(dispatched.getMessage().contains("it is dispatched"), dispatched.getMessage());
            assertEquals(1, db.count("select count(*) from items"), "nothing skipped or marked ran");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSkipRacingAProcessIsDecidedByTheLockAndNothingRunsTwiceOrIsLost(TestDatabase database) throws Exception {
        for (int round = 0; round < 3; round++) {
            TestDatabase db = database.fresh();
            String name = "2024_01_01_000000_slow";
            List<OperationDescriptor> ops = List.of(op("2024_01_01_000000", "slow", () -> ctx -> {
                insert("items", 1, "slow").handle(ctx);
                Thread.sleep(300);
            }));
            try (Sequencer a = over(db, "basic", ops).load();
                    Sequencer b = over(db, "basic", ops).load()) {
                a.process(ProcessOptions.builder().tags("none").build()); // tables and migrations, nothing run
                var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                var start = new java.util.concurrent.CountDownLatch(1);
                var processed = pool.submit(() -> {
                    start.await();
                    return a.process();
                });
                var skipped = pool.submit(() -> {
                    start.await();
                    b.skip(name, "racing a deploy");
                    return null;
                });
                start.countDown();
                processed.get();
                Throwable skipFailure = null;
                try {
                    skipped.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    skipFailure = e.getCause();
                }
                pool.shutdown();

                List<String> states = db.states(name);
                if (skipFailure == null) {
                    assertEquals(List.of("skipped"), states, "the skip won the lock: the run found nothing to do");
                    assertEquals(0, db.count("select count(*) from items"));
                } else {
                    assertEquals(List.of("completed"), states, "the run won the lock");
                    assertTrue(skipFailure.getMessage().contains("it is completed"), skipFailure.getMessage());
                    assertEquals(1, db.count("select count(*) from items"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void historyListsEveryRowOldestFirstWithTheErrorOfEachFailure(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicInteger calls = new AtomicInteger();
        List<OperationDescriptor> ops = List.of(builder("2024_01_01_000000", "flaky", () -> ctx -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IllegalStateException("not yet " + calls.get());
                    }
                })
                .policy(new OperationPolicy(3, List.of(), null, false, List.of()))
                .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            sequencer.process();
            List<OperationAttempt> history = sequencer.history("2024_01_01_000000_flaky");

            assertEquals(
                    List.of(OperationState.FAILED, OperationState.FAILED, OperationState.COMPLETED),
                    history.stream().map(OperationAttempt::state).toList());
            assertEquals(
                    List.of(1, 2, 3),
                    history.stream().map(OperationAttempt::attempt).toList());
            assertEquals(
                    "java.lang.IllegalStateException", history.get(0).error().exceptionClass());
            assertEquals("not yet 1", history.get(0).error().message());
            assertTrue(history.get(1).error().stackTrace().contains("IllegalStateException: not yet 2"));
            assertNull(history.get(2).error());
            assertTrue(history.get(0).id() < history.get(2).id());
            assertThrows(SequencerException.class, () -> sequencer.history("2024_01_09_000000_nope"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void infoListsWhatRanInTheOrderItRanThenWhatWouldRunInTheOrderItWould(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(
                op("2024_01_02_000000", "add_users", () -> ctx -> {}),
                op("2024_01_04_000000", "add_posts", () -> ctx -> {}),
                builder("2024_01_05_000000", "needs_failed", () -> ctx -> {})
                        .dependsOn("2024_01_04_000000_add_posts")
                        .build());
        try (Sequencer first = over(db, "interleave", ops)
                .property("sequencer.flyway.target", "20240101000000")
                .load()) {
            first.process();
        }
        db.execute("insert into sequencer_operations (name, state, class_name, attempt, started_at, finished_at)"
                + " values ('2023_01_01_000000_retired', 'completed', 'x', 1, '2099-01-01 00:00:00',"
                + " '2099-01-01 00:00:00')"); // recorded last, whatever the clocks say

        try (Sequencer sequencer = over(db, "interleave", ops).load()) {
            List<InfoEntry> info = sequencer.info();

            assertEquals(
                    List.of(
                            "V20240101000000 create users success",
                            "2024_01_02_000000_add_users completed",
                            "2023_01_01_000000_retired unknown",
                            "V20240103000000 create posts pending",
                            "2024_01_04_000000_add_posts pending",
                            "2024_01_05_000000_needs_failed pending"),
                    info.stream().map(e -> e.name() + " " + e.state()).toList());
            assertEquals(InfoEntry.Kind.MIGRATION, info.get(0).kind());
            assertEquals(1, info.get(1).attempts());
            assertTrue(info.get(1).time() != null);
        }
    }
}
