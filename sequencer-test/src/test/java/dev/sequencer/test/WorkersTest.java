package dev.sequencer.test;

import static dev.sequencer.test.SequencerAssertions.assertThat;
import static dev.sequencer.test.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import dev.sequencer.test.fixture.SendWelcomeMails;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Workers.drain: dispatched operations run to their outcome inside the test. */
@SequencerTest
class WorkersTest {

    @Test
    void drainRunsWhatProcessDispatchedBeforeItReturns(Sequencer sequencer, DataSource db) throws SQLException {
        sequencer.process();
        assertThat(sequencer).hasDispatched(SendWelcomeMails.NAME);
        assertThat(count(db, "select count(*) from outbox")).isZero();

        Workers.drain(sequencer);

        assertThat(sequencer).hasCompleted(SendWelcomeMails.NAME).hasNothingPending();
        assertThat(count(db, "select count(*) from outbox where template = 'welcome'"))
                .isEqualTo(3);
    }

    @Test
    void drainWithNothingDispatchedReturnsAtOnce(Sequencer sequencer) {
        Workers.drain(sequencer);

        assertThat(sequencer).hasPending(SendWelcomeMails.NAME);
    }

    @Test
    void aWorkerStillBusyAtTheTimeoutFailsTheTestListingTheOperationsAndIsClosed(Sequencer sequencer) {
        sequencer.process();
        List<String> calls = new ArrayList<>();
        Worker busy = new Worker() {
            @Override
            public boolean awaitIdle(Duration timeout) {
                calls.add("awaitIdle " + timeout.toMillis());
                return false;
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };

        assertThatThrownBy(() -> Workers.drain(sequencer, busy, Duration.ofMillis(250)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("The worker was still busy after 250 ms.\nOperations, in run order:")
                .hasMessageMatching("(?s).*\\n  " + SendWelcomeMails.NAME + " +dispatched\\n.*");
        assertThat(calls).containsExactly("awaitIdle 250", "close");
    }
}
