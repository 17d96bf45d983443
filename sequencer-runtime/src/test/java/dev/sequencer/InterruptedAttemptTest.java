package dev.sequencer;

import static dev.sequencer.support.AsyncFixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.RunMain;
import dev.sequencer.support.TestDatabase;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run killed in the middle of a non-transactional operation leaves its {@code running} row behind. Status, plan and
 * the next run agree that it is pending; the next run warns that part of its work may remain, closes the stale row
 * out as {@code failed} and runs it again.
 */
class InterruptedAttemptTest {

    static final String LONG = RunMain.LONG;

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    static Stream<TestDatabase> servers() {
        return TestDatabase.servers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunningRowOfAGoneRunIsPendingInStatusPlanAndRunAndIsClosedOutAsFailed(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer sequencer = RunMain.sequencer(db.url())) {
            sequencer.process(ProcessOptions.builder().tags("none").build()); // creates the tables, runs nothing
            db.execute("insert into markers (name, note) values ('" + LONG + "', 'partial')");
            db.execute("insert into sequencer_operations (name, state, class_name, attempt, owner, started_at)"
                    + " values ('" + LONG + "', 'running', 'test', 1, 'run:gone-host:4242:abcd1234',"
                    + " current_timestamp)");

            assertInterruptedIsPendingAndRerunClosesItOut(db, sequencer);
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // runs on the configured servers only
    @MethodSource("servers")
    void aRunKilledInTheMiddleOfANonTransactionalOperationLeavesItPendingForTheNextRun(TestDatabase database)
            throws Exception {
        TestDatabase db = database.fresh();
        File dir = new File("target/killed-runs");
        dir.mkdirs();
        ProcessBuilder pb = new ProcessBuilder(
                System.getProperty("java.home") + "/bin/java",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                RunMain.class.getName(),
                db.url());
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir, db.name() + ".log"));
        Process run = pb.start();
        try {
            await("the run started the operation", Duration.ofSeconds(60), () -> markersOnceMigrated(db) == 1);
        } finally {
            run.destroyForcibly(); // SIGKILL
            run.waitFor(60, TimeUnit.SECONDS);
        }
        assertEquals(List.of("running"), db.states(LONG));

        try (Sequencer sequencer = RunMain.sequencer(db.url())) {
            // The database releases the killed run's lock once it notices its connection is gone.
            await(
                    "the killed run's lock is released",
                    Duration.ofSeconds(30),
                    () -> sequencer.status().get(0).pending());
            assertInterruptedIsPendingAndRerunClosesItOut(db, sequencer);
        }
    }

    private static void assertInterruptedIsPendingAndRerunClosesItOut(TestDatabase db, Sequencer sequencer) {
        OperationStatus status = sequencer.status().get(0);
        assertEquals(OperationState.RUNNING, status.state());
        assertTrue(status.pending(), "the run that wrote the running row is gone");
        assertTrue(status.lastMessage().contains("interrupted"), status.lastMessage());

        RunReport plan = sequencer.process(ProcessOptions.builder().dryRun(true).build());
        assertEquals(RunReport.Outcome.PLANNED, plan.operations().get(0).outcome());

        RunReport run = sequencer.process();
        RunReport.Step step = run.operations().get(0);
        assertEquals(RunReport.Outcome.COMPLETED, step.outcome());
        assertTrue(step.detail().contains("an earlier attempt was interrupted"), step.detail());

        assertEquals(List.of("failed", "completed"), db.states(LONG));
        String reason = db.strings("select reason from sequencer_operations where name = '" + LONG + "' order by id")
                .get(0);
        assertTrue(reason.contains("interrupted") && reason.contains("may remain"), reason);
        assertEquals(
                1,
                db.count("select count(*) from sequencer_operations where name = '" + LONG
                        + "' and state = 'failed' and finished_at is not null"));
        assertEquals(2, markers(db), "the interrupted attempt's partial work stays; the rerun did it again");
        assertTrue(sequencer.process().nothingPending());
    }

    /** The markers, or 0 while the killed run has not created their table yet. */
    static long markersOnceMigrated(TestDatabase db) {
        try {
            return markers(db);
        } catch (IllegalStateException noTableYet) {
            return 0;
        }
    }

    static long markers(TestDatabase db) {
        return db.count("select count(*) from markers");
    }
}
