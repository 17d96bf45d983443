package dev.sequencer.test;

import static dev.sequencer.test.SequencerAssertions.assertThat;
import static dev.sequencer.test.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.Sequencer;
import dev.sequencer.test.fixture.OperationNames;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Test method invocations running at the same time (junit-platform.properties turns parallel execution on) each have
 * a database and a Sequencer of their own: each runs every operation, adds an account of its own, waits until another
 * invocation has done the same, and then sees only its own data.
 */
@SequencerTest
@Execution(ExecutionMode.CONCURRENT)
class ParallelTestMethodsTest {

    /** Two invocations meet here; it times out (failing both) unless they run at the same time. */
    private static final CyclicBarrier TWO_AT_ONCE = new CyclicBarrier(2);

    @RepeatedTest(4)
    void eachRepetitionRunsAlongsideAnotherOnItsOwnDatabase(
            Sequencer sequencer, DataSource db, RepetitionInfo repetition) throws Exception {
        runAlongsideAnother(sequencer, db, 100 + repetition.getCurrentRepetition());
    }

    private static void runAlongsideAnother(Sequencer sequencer, DataSource db, int account) throws Exception {
        sequencer.process();
        execute(db, "insert into accounts (id, email, plan) values (" + account + ", 'own@example.com', 'free')");

        TWO_AT_ONCE.await(60, TimeUnit.SECONDS);

        assertThat(Sql.integers(db, "select id from accounts order by id")).containsExactly(1, 2, 3, account);
        assertThat(sequencer).hasCompleted(OperationNames.completedByProcess()).hasNothingPending();
        assertThat(sequencer.history(OperationNames.all().get(0))).hasSize(1);
    }
}
