package dev.sequencer;

import static dev.sequencer.support.AsyncFixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.Backfill;
import dev.sequencer.support.TestDatabase;
import dev.sequencer.support.WorkerMain;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Workers in separate JVMs: sharing the work, and taking over the work of a killed one. */
class AsyncWorkerJvmTest {

    /** The asynchronous tests' own database on the servers: other suites empty the shared one. */
    static final String ASYNC_DATABASE = "seq_async";

    static Stream<TestDatabase> servers() {
        return TestDatabase.servers().map(server -> server.isolated(ASYNC_DATABASE));
    }

    static Process worker(TestDatabase db, String registry, int count, String heartbeat, String log)
            throws IOException {
        File dir = new File("target/async-workers");
        dir.mkdirs();
        ProcessBuilder pb = new ProcessBuilder(
                System.getProperty("java.home") + "/bin/java",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                WorkerMain.class.getName(),
                db.url(),
                registry,
                String.valueOf(count),
                heartbeat);
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir, log + ".log"));
        return pb.start();
    }

    @Test
    void threeWorkerJvmsCompleteTwoHundredAsynchronousOperationsEachExactlyOnce() throws Exception {
        Assumptions.assumeTrue(
                TestDatabase.postgres()
                        .map(server -> server.isolated(ASYNC_DATABASE))
                        .isPresent(),
                "PostgreSQL is not configured");
        TestDatabase db = TestDatabase.postgres()
                .map(server -> server.isolated(ASYNC_DATABASE))
                .orElseThrow()
                .fresh();
        List<OperationDescriptor> ops = WorkerMain.registry("many", 200);
        try (Sequencer sequencer = WorkerMain.sequencer(db.url(), ops, "5s")) {
            RunReport report = sequencer.process();
            assertEquals(
                    200,
                    report.operations().stream()
                            .filter(s -> s.outcome() == RunReport.Outcome.DISPATCHED)
                            .count());
        }

        long started = System.nanoTime();
        List<Process> jvms = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            jvms.add(worker(db, "many", 200, "5s", "many-" + i));
        }
        for (Process p : jvms) {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "a worker JVM did not finish");
            assertEquals(0, p.exitValue(), "a worker JVM did not become idle; see target/async-workers");
        }
        System.out.println("three worker JVMs took "
                + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms; effects per JVM: "
                + db.strings("select note || '=' || count(*) from effects group by note"));

        assertEquals(200, db.count("select count(*) from effects"));
        assertEquals(200, db.count("select count(distinct name) from effects"));
        assertEquals(200, db.count("select count(*) from sequencer_operations where state = 'completed'"));
        assertEquals(400, db.count("select count(*) from sequencer_operations"), "dispatched + completed each");
        assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // runs on the configured servers only
    @MethodSource("servers")
    void aWorkerJvmKilledInTheMiddleOfATransactionalOperationIsReplacedAndItCompletesOnce(TestDatabase database)
            throws Exception {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = WorkerMain.registry("slow", 1);
        try (Sequencer sequencer = WorkerMain.sequencer(db.url(), ops, "1s")) {
            sequencer.process();
            assertEquals(List.of("dispatched"), db.states(WorkerMain.SLOW));

            long started = System.nanoTime();
            Process doomed = worker(db, "slow", 1, "1s", "doomed-" + db.name());
            try {
                await("the first worker started the operation", Duration.ofSeconds(60), () -> markers(db) == 1);
            } finally {
                doomed.destroyForcibly();
                doomed.waitFor(60, TimeUnit.SECONDS);
            }
            assertEquals(List.of("dispatched"), db.states(WorkerMain.SLOW));

            try (Worker survivor = sequencer.worker()) {
                assertTrue(survivor.awaitIdle(Duration.ofMinutes(2)));
            }
            System.out.println("kill and take-over on " + db.name() + " took "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");

            assertEquals(List.of("dispatched", "completed"), db.states(WorkerMain.SLOW));
            assertEquals(2, markers(db), "the killed attempt and the one that completed");
            assertEquals(1, db.count("select count(*) from effects"), "the killed transaction left nothing");
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // runs on the configured servers only
    @MethodSource("servers")
    void aWorkerJvmKilledInTheMiddleOfANonTransactionalOperationLeavesItPendingAndTheNextRunRunsItAgain(
            TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = WorkerMain.registry("plain", 1);
        try (Sequencer sequencer = WorkerMain.sequencer(db.url(), ops, "1s")) {
            sequencer.process();

            Process doomed = worker(db, "plain", 1, "1s", "doomed-plain-" + db.name());
            try {
                await("the first worker started the operation", Duration.ofSeconds(60), () -> markers(db) == 1);
            } finally {
                doomed.destroyForcibly();
                doomed.waitFor(60, TimeUnit.SECONDS);
            }
            assertEquals(List.of("dispatched", "running"), db.states(WorkerMain.SLOW));

            try (Worker survivor = sequencer.worker()) {
                await(
                        "the survivor took the dead worker's task over and closed its attempt out",
                        Duration.ofMinutes(2),
                        () -> db.states(WorkerMain.SLOW).equals(List.of("dispatched", "failed")));
                assertTrue(survivor.awaitIdle(Duration.ofMinutes(1)));
            }
            OperationStatus status = sequencer.status().get(0);
            assertTrue(status.pending(), "pending again: " + status);
            assertTrue(status.lastMessage().contains("interrupted"), status.lastMessage());
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));

            sequencer.process();
            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(Duration.ofMinutes(1)));
            }
            assertEquals(List.of("dispatched", "failed", "dispatched", "completed"), db.states(WorkerMain.SLOW));
            assertEquals(2, markers(db), "the killed attempt's partial work stays, as the warning says");
            assertEquals(1, db.count("select count(*) from effects"));
        }
    }

    @Test
    void threeWorkerJvmsShareThePartitionsOfABackfillEachAppliedExactlyOnce() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres().isPresent(), "PostgreSQL is not configured");
        TestDatabase db = TestDatabase.postgres()
                .map(server -> server.isolated(ASYNC_DATABASE))
                .orElseThrow()
                .fresh();
        List<OperationDescriptor> ops = WorkerMain.registry("partitioned", 60);
        try (Sequencer sequencer = WorkerMain.sequencer(db.url(), ops, "5s")) {
            sequencer.process();
        }
        List<Process> jvms = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            jvms.add(worker(db, "partitioned", 60, "5s", "partitioned-" + i));
        }
        for (Process p : jvms) {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "a worker JVM did not finish");
            assertEquals(0, p.exitValue(), "a worker JVM did not become idle; see target/async-workers");
        }
        System.out.println("partitions per JVM: "
                + db.strings("select note || '=' || count(*) from partition_effects group by note"));

        assertEquals(60, db.count("select count(*) from partition_effects"));
        assertEquals(60, db.count("select count(distinct partition_key) from partition_effects"));
        assertEquals(60, db.count("select count(*) from sequencer_partitions where state = 'completed'"));
        assertEquals(List.of("dispatched", "completed"), db.states(Backfill.NAME));
        assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // runs on the configured servers only
    @MethodSource("servers")
    void aWorkerJvmKilledInTheMiddleOfAPartitionIsReplacedAndEveryPartitionIsAppliedOnce(TestDatabase database)
            throws Exception {
        TestDatabase db = database.fresh();
        try (Sequencer sequencer = WorkerMain.sequencer(db.url(), WorkerMain.registry("partitioned-slow", 4), "1s")) {
            sequencer.process();
            Process doomed = worker(db, "partitioned-slow", 4, "1s", "doomed-partition-" + db.name());
            try {
                await("the first worker started partitions", Duration.ofSeconds(60), () -> markers(db) >= 1);
            } finally {
                doomed.destroyForcibly();
                doomed.waitFor(60, TimeUnit.SECONDS);
            }
            assertEquals(0, db.count("select count(*) from partition_effects"), "the killed attempts left nothing");
        }
        List<OperationDescriptor> survivorOps =
                List.of(Backfill.descriptor(1, 0, () -> new Backfill(4, Duration.ZERO, p -> false, false)));
        try (Sequencer sequencer = WorkerMain.sequencer(db.url(), survivorOps, "1s");
                Worker survivor = sequencer.worker()) {
            await(
                    "the survivor completed the backfill",
                    Duration.ofMinutes(2),
                    () -> db.states(Backfill.NAME).contains("completed"));
            assertTrue(survivor.awaitIdle(Duration.ofMinutes(1)));
        }
        assertEquals(List.of("dispatched", "completed"), db.states(Backfill.NAME));
        assertEquals(4, db.count("select count(*) from partition_effects"));
        assertEquals(4, db.count("select count(distinct partition_key) from partition_effects"));
        assertTrue(markers(db) > 4, "the killed attempts were taken over and run again");
    }

    static long markers(TestDatabase db) {
        return db.count("select count(*) from markers");
    }
}
