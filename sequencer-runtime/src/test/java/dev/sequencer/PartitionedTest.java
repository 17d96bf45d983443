package dev.sequencer;

import static dev.sequencer.support.AsyncFixtures.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.AsyncFixtures;
import dev.sequencer.support.Backfill;
import dev.sequencer.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Partitioned} operations: partitions dispatched with the operation, run in parallel by the workers within the
 * concurrency limit, each applied exactly once, retried, failing the operation when one has no attempt left, and the
 * next run resuming only what is left.
 */
class PartitionedTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final String NAME = Backfill.NAME;

    static Stream<TestDatabase> databases() {
        return TestDatabase.all().map(server -> server.isolated("seq_partitions"));
    }

    static long effects(TestDatabase db) {
        return db.count("select count(*) from partition_effects");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void partitionsRunInParallelOnTheWorkerThreadsEachOnceAndNeverMoreAtOnceThanTheLimit(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        List<OperationDescriptor> ops =
                List.of(Backfill.descriptor(1, 3, () -> new Backfill(10, Duration.ofMillis(150), p -> false, false)));

        try (Sequencer sequencer = over(db, ops)
                .property("sequencer.async.threads", "5")
                .listener(new SequencerListener() {
                    @Override
                    public void operationProgress(ProgressEvent event) {
                        progress.add(event.done() + "/" + event.total());
                    }
                })
                .load()) {
            RunReport run = sequencer.process();
            assertEquals(RunReport.Outcome.DISPATCHED, run.operations().get(0).outcome());
            assertTrue(run.operations().get(0).detail().contains("10 of 10 partitions"), run.toString());
            assertEquals(10, db.count("select count(*) from sequencer_scheduled_tasks"), "a task per partition");
            assertEquals(List.of("dispatched"), db.states(NAME));

            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(List.of("dispatched", "completed"), db.states(NAME));
            assertEquals(10, effects(db));
            assertEquals(10, db.count("select count(distinct partition_key) from partition_effects"));
            long most = db.count("select max(seen) from overlap");
            assertTrue(most <= 3, "at most 3 partitions ran at once, saw " + most);
            assertTrue(most >= 2, "partitions ran in parallel, saw at most " + most);
            assertEquals(10, db.count("select count(*) from sequencer_partitions where state = 'completed'"));
            OperationStatus status = sequencer.status().get(0);
            assertEquals(OperationState.COMPLETED, status.state());
            assertEquals(new OperationStatus.Partitions(10, 10), status.partitions());
            assertTrue(progress.contains("10/10"), progress.toString());
            assertTrue(
                    sequencer.info().get(sequencer.info().size() - 1).detail().contains("10/10 partitions completed"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPartitionThatUsesUpItsAttemptsFailsTheOperationAndTheNextRunResumesOnlyWhatIsLeft(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicBoolean broken = new AtomicBoolean(true);
        List<OperationDescriptor> ops = List.of(Backfill.descriptor(
                2, 0, () -> new Backfill(5, Duration.ZERO, p -> broken.get() && p.equals("p03"), false)));

        try (Sequencer sequencer = over(db, ops).load()) {
            sequencer.process();
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(List.of("dispatched", "failed"), db.states(NAME));
            String reason = db.strings("select reason from sequencer_operations where state = 'failed'")
                    .get(0);
            assertTrue(reason.contains("partition 'p03' failed after 2 attempt(s)"), reason);
            assertTrue(reason.contains("partition p03 is broken"), reason);
            assertEquals(1, db.count("select count(*) from sequencer_operation_errors"));
            assertEquals(
                    List.of("failed"),
                    db.strings("select state from sequencer_partitions where partition_key = 'p03'"));
            assertEquals(2, db.count("select attempts from sequencer_partitions where partition_key = 'p03'"));
            assertEquals(4, effects(db), "the other partitions completed, p03's work was rolled back");
            OperationStatus failed = sequencer.status().get(0);
            assertTrue(failed.pending());
            assertEquals(new OperationStatus.Partitions(4, 5), failed.partitions());

            broken.set(false);
            RunReport again = sequencer.process();
            assertTrue(again.operations().get(0).detail().contains("1 of 5 partitions"), again.toString());
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(List.of("dispatched", "failed", "dispatched", "completed"), db.states(NAME));
            assertEquals(5, effects(db));
            assertEquals(1, db.count("select count(*) from partition_effects where partition_key = 'p00'"));
            assertEquals(1, db.count("select count(*) from partition_effects where partition_key = 'p03'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void runInlineTheOperationRunsItsPartitionsInOrderInOneTransaction(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops =
                List.of(Backfill.descriptor(1, 2, () -> new Backfill(4, Duration.ZERO, p -> false, false)));

        try (Sequencer sequencer = over(db, ops).load()) {
            RunReport run =
                    sequencer.process(ProcessOptions.builder().sync(true).build());

            assertEquals(RunReport.Outcome.COMPLETED, run.operations().get(0).outcome());
            assertEquals(List.of("completed"), db.states(NAME));
            assertEquals(
                    List.of("p00", "p01", "p02", "p03"),
                    db.strings("select partition_key from partition_effects order by partition_key"));
            assertEquals(
                    0,
                    db.count("select count(*) from sequencer_operations where state = 'dispatched'"),
                    "not dispatched");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anOperationWithNoPartitionsIsCompletedAtDispatchAndNothingIsLeftForTheWorkers(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops =
                List.of(Backfill.descriptor(1, 2, () -> new Backfill(0, Duration.ZERO, p -> false, false)));

        try (Sequencer sequencer = over(db, ops).load()) {
            RunReport run = sequencer.process();

            assertTrue(run.operations().get(0).detail().contains("no partition is left to run"), run.toString());
            assertEquals(List.of("dispatched", "completed"), db.states(NAME));
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
            assertEquals(OperationState.COMPLETED, sequencer.status().get(0).state());
            assertTrue(sequencer.process().nothingPending(), "the next run has nothing to do");
        }
    }

    /** A backfill whose partitions() tries to commit the dispatch transaction by hand. */
    static final class CommitsInPartitions implements PartitionedOperation {
        @Override
        public List<String> partitions(OperationContext context) throws Exception {
            context.connection().commit();
            return List.of("p00");
        }

        @Override
        public void handlePartition(OperationContext context, String partition) {}
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void partitionsMayNotEndTheDispatchTransactionSoNothingOfTheDispatchIsStored(TestDatabase database) {
        TestDatabase db = database.fresh();
        OperationPolicy policy = new OperationPolicy(1, List.of(), null, false, List.of(), 0);
        List<OperationDescriptor> ops =
                List.of(AsyncFixtures.op("2024_05_01_000000", "backfill", true, policy, CommitsInPartitions::new));

        try (Sequencer sequencer = over(db, ops).load()) {
            SequencerException e = assertThrows(SequencerException.class, sequencer::process);

            assertTrue(e.getMessage().contains(NAME), e.getMessage());
            assertTrue(e.getMessage().contains("commit()"), e.getMessage());
            assertEquals(List.of(), db.states(NAME), "no dispatched row without its partitions and tasks");
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
        }
    }
}
