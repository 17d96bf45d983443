package dev.sequencer;

import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sequencer.support.AsyncFixtures;
import dev.sequencer.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code OperationContext.progress} reaches the listeners, in a run and on a worker. */
class ProgressTest {

    @Test
    void progressReportedByAnOperationReachesTheListenersInARunAndOnAWorker() {
        TestDatabase db = TestDatabase.h2();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        SequencerListener listener = new SequencerListener() {
            @Override
            public void operationProgress(ProgressEvent event) {
                seen.add(event.name() + " " + event.done() + "/" + event.total() + " " + event.fraction());
            }
        };
        OperationHandler counting = ctx -> {
            ctx.progress(1, 4);
            ctx.progress(4, 4);
        };
        List<OperationDescriptor> ops = List.of(
                op("2024_01_01_000000", "inline", () -> counting),
                AsyncFixtures.async("2024_01_02_000000", "background", () -> counting));

        try (Sequencer sequencer =
                AsyncFixtures.over(db, ops).listener(listener).load()) {
            sequencer.process();
            try (Worker worker = sequencer.worker()) {
                worker.awaitIdle(Duration.ofSeconds(60));
            }
        }
        assertEquals(
                List.of(
                        "2024_01_01_000000_inline 1/4 0.25",
                        "2024_01_01_000000_inline 4/4 1.0",
                        "2024_01_02_000000_background 1/4 0.25",
                        "2024_01_02_000000_background 4/4 1.0"),
                seen);
    }
}
