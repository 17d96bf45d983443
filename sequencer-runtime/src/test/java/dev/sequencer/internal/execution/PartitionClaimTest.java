package dev.sequencer.internal.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationPolicy;
import dev.sequencer.PartitionedOperation;
import dev.sequencer.Sequencer;
import dev.sequencer.internal.store.Dialect;
import dev.sequencer.internal.store.HistoryRow;
import dev.sequencer.internal.store.OperationStore;
import dev.sequencer.internal.store.PartitionStore;
import dev.sequencer.support.AsyncFixtures;
import dev.sequencer.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two workers holding the same partition task (one presumed dead but still running, its task revived on the other):
 * the one that took the partition over completes it, the other gives way at commit, so its work is applied once.
 */
class PartitionClaimTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all().map(server -> server.isolated("seq_partitions"));
    }

    /** One partition; its first run blocks until released, then writes its effect. */
    static final class Blocking implements PartitionedOperation {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<String> partitions(OperationContext context) {
            return List.of("only");
        }

        @Override
        public void handlePartition(OperationContext context, String partition) throws Exception {
            try (PreparedStatement ps = context.connection()
                    .prepareStatement("insert into partition_effects (partition_key, note) values (?, ?)")) {
                ps.setString(1, partition);
                ps.setString(2, "call " + calls.incrementAndGet());
                ps.executeUpdate();
            }
            if (calls.get() == 1) {
                entered.countDown();
                assertTrue(release.await(30, TimeUnit.SECONDS));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPartitionTakenOverByAnotherWorkerIsCompletedOnceAndTheFirstWorkerGivesWay(TestDatabase database)
            throws Exception {
        TestDatabase db = database.fresh();
        Blocking blocking = new Blocking();
        OperationDescriptor op = AsyncFixtures.op(
                "2024_05_01_000000",
                "backfill",
                true,
                new OperationPolicy(1, List.of(), null, false, List.of(), 0),
                () -> blocking);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (Sequencer sequencer = AsyncFixtures.over(db, List.of(op)).load()) {
            sequencer.process();
            DataSource ds = sequencer.dataSource();
            OperationStore operations;
            PartitionStore partitions;
            HistoryRow dispatched;
            long partitionId;
            try (Connection c = ds.getConnection()) {
                operations = new OperationStore(Dialect.of(c), "sequencer_");
                partitions = new PartitionStore(Dialect.of(c), "sequencer_");
                dispatched = operations.newest(c, op.name());
                partitionId = partitions.of(c, op.name()).get(0).id();
            }
            PartitionAttempt first = new PartitionAttempt(
                    ds, operations, partitions, new Instantiation(null), Listeners.NONE, "worker:first");
            PartitionAttempt second = new PartitionAttempt(
                    ds, operations, partitions, new Instantiation(null), Listeners.NONE, "worker:second");

            Future<PartitionAttempt.Outcome> slow = threads.submit(() -> first.run(op, dispatched, partitionId));
            assertTrue(blocking.entered.await(30, TimeUnit.SECONDS), "the first worker is running the partition");
            PartitionAttempt.Outcome takenOver = second.run(op, dispatched, partitionId);
            blocking.release.countDown();

            assertEquals(PartitionAttempt.Result.COMPLETED, takenOver.result());
            assertEquals(
                    PartitionAttempt.Result.GONE, slow.get(30, TimeUnit.SECONDS).result());
            assertEquals(List.of("call 2"), db.strings("select note from partition_effects"), "applied once");
            assertEquals(List.of("dispatched", "completed"), db.states(op.name()));
        } finally {
            blocking.release.countDown();
            threads.shutdownNow();
        }
    }
}
