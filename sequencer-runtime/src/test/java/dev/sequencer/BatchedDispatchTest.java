package dev.sequencer;

import static dev.sequencer.AsyncOperationsTest.WAIT;
import static dev.sequencer.support.AsyncFixtures.async;
import static dev.sequencer.support.AsyncFixtures.effect;
import static dev.sequencer.support.AsyncFixtures.over;
import static dev.sequencer.support.AsyncFixtures.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.CommitFailingDataSource;
import dev.sequencer.support.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Asynchronous operations that one run dispatches one after the other are stored together (rows and tasks in one
 * transaction), without changing what a run does: the order of its steps, every row with its task, nothing twice, and
 * a failure that names its operation.
 */
class BatchedDispatchTest {

    static Stream<TestDatabase> databases() {
        return AsyncOperationsTest.databases();
    }

    private static List<OperationDescriptor> asyncOps(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> async("2024_01_0" + i + "_000000", "bg" + i, () -> effect("bg" + i)))
                .toList();
    }

    private static long dispatched(RunReport report) {
        return report.operations().stream()
                .filter(s -> s.outcome() == RunReport.Outcome.DISPATCHED)
                .count();
    }

    private static String name(int i) {
        return "2024_01_0" + i + "_000000_bg" + i;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void consecutiveAsynchronousOperationsAreDispatchedInOneTransactionAndEachRunsOnce(TestDatabase database) {
        TestDatabase db = database.fresh();
        CommitFailingDataSource ds = new CommitFailingDataSource(db.url(), "sequencer_scheduled_tasks");

        try (Sequencer sequencer = over(db, asyncOps(5)).dataSource(ds).load()) {
            RunReport report = sequencer.process();

            assertEquals(5, dispatched(report));
            assertEquals(1, ds.markedCommits.get(), "five rows and five tasks, one commit");
            for (int i = 1; i <= 5; i++) {
                assertEquals(List.of("dispatched"), db.states(name(i)));
            }
            assertEquals(5, db.count("select count(*) from sequencer_scheduled_tasks"));
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }
            for (int i = 1; i <= 5; i++) {
                assertEquals(List.of("dispatched", "completed"), db.states(name(i)));
                assertEquals(1, db.count("select count(*) from effects where note = 'bg" + i + "'"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aBatchWhoseCommitFailsStoresNothingAndIsDispatchedOneByOne(TestDatabase database) {
        TestDatabase db = database.fresh();
        CommitFailingDataSource ds = new CommitFailingDataSource(db.url(), "sequencer_scheduled_tasks");

        try (Sequencer sequencer = over(db, asyncOps(4)).dataSource(ds).load()) {
            ds.armOnce();
            RunReport report = sequencer.process();

            assertEquals(4, dispatched(report));
            assertEquals(4, ds.markedCommits.get(), "the failed batch commits nothing, then one commit each");
            for (int i = 1; i <= 4; i++) {
                assertEquals(List.of("dispatched"), db.states(name(i)), "one dispatched row, not two");
            }
            assertEquals(4, db.count("select count(*) from sequencer_scheduled_tasks"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void whenNothingCanBeStoredTheFailureNamesTheFirstOperationAndAllStayPending(TestDatabase database) {
        TestDatabase db = database.fresh();
        CommitFailingDataSource ds = new CommitFailingDataSource(db.url(), "sequencer_scheduled_tasks");

        try (Sequencer sequencer = over(db, asyncOps(3)).dataSource(ds).load()) {
            ds.armed.set(true);
            SequencerException e = assertThrows(SequencerException.class, sequencer::process);
            ds.armed.set(false);

            assertTrue(e.getMessage().contains(name(1)), e.getMessage());
            assertEquals(0, db.count("select count(*) from sequencer_operations"));
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));

            assertEquals(3, dispatched(sequencer.process()), "all three stayed pending");
            assertEquals(3, db.count("select count(*) from sequencer_scheduled_tasks"));
            assertEquals(3, db.count("select count(*) from sequencer_operations where state = 'dispatched'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSynchronousOperationBetweenTwoAsynchronousOnesKeepsItsPlaceInTheRun(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        SequencerListener listener = new SequencerListener() {
            @Override
            public void operationDispatched(OperationEvent e) {
                events.add("dispatched " + e.name());
            }

            @Override
            public void operationStarted(OperationEvent e) {
                events.add("started " + e.name());
            }
        };
        List<OperationDescriptor> ops = List.of(
                async("2024_01_01_000000", "a", () -> effect("a")),
                async("2024_01_02_000000", "b", () -> effect("b")),
                sync("2024_01_03_000000", "c", () -> effect("c")),
                async("2024_01_04_000000", "d", () -> effect("d")));

        try (Sequencer sequencer = over(db, ops).listener(listener).load()) {
            sequencer.process();

            assertEquals(
                    List.of(
                            "dispatched 2024_01_01_000000_a",
                            "dispatched 2024_01_02_000000_b",
                            "started 2024_01_03_000000_c",
                            "dispatched 2024_01_04_000000_d"),
                    events);
        }
    }
}
