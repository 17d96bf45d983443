package dev.sequencer.internal.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationState;
import dev.sequencer.Sequencer;
import dev.sequencer.internal.store.Attempt;
import dev.sequencer.internal.store.Dialect;
import dev.sequencer.internal.store.OperationStore;
import dev.sequencer.support.TestDatabase;
import dev.sequencer.support.TestOperations;
import java.sql.Connection;
import java.time.Instant;
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
 * Two workers holding the same task (db-scheduler revived the execution of a worker that is still alive): the
 * claim inside the attempt's transaction lets exactly one of them run and record the operation.
 */
class ClaimTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void secondWorkerWithTheSameTaskGivesWayAndNothingRunsTwice(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger effects = new AtomicInteger();
        OperationDescriptor op = TestOperations.op("2024_01_01_000000", "backfill", () -> ctx -> {
            effects.incrementAndGet();
            entered.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS));
        });
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (Sequencer sequencer = Sequencer.configure()
                .property("sequencer.url", db.url())
                .registry(List.of(op))
                .load()) {
            DataSource ds = sequencer.dataSource();
            OperationStore store;
            long dispatched;
            try (Connection c = ds.getConnection()) {
                store = new OperationStore(Dialect.of(c), "sequencer_");
                store.createTablesIfAbsent(c);
                dispatched = store.insert(c, Attempt.open(op, OperationState.DISPATCHED, 1, null, null, Instant.now()));
            }
            OperationExecutor first =
                    new OperationExecutor(ds, store, new Instantiation(null), "worker:a", null, Listeners.NONE);
            OperationExecutor second =
                    new OperationExecutor(ds, store, new Instantiation(null), "worker:b", null, Listeners.NONE);

            Future<Execution> a = workers.submit(() -> first.execute(op, 1, dispatched));
            assertTrue(entered.await(30, TimeUnit.SECONDS), "worker a claimed the operation and is running it");
            Future<Execution> b = workers.submit(() -> second.execute(op, 1, dispatched));
            release.countDown();

            assertEquals(OperationState.COMPLETED, a.get(30, TimeUnit.SECONDS).state());
            assertTrue(b.get(30, TimeUnit.SECONDS).isSuperseded(), "worker b gave way");
            assertEquals(1, effects.get());
            assertEquals(List.of("dispatched", "completed"), db.states(op.name()));
        } finally {
            release.countDown();
            workers.shutdownNow();
        }
    }
}
