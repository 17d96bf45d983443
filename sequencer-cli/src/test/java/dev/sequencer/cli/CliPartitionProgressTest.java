package dev.sequencer.cli;

import static dev.sequencer.cli.CliProcessTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationPolicy;
import dev.sequencer.PartitionedOperation;
import dev.sequencer.ProgressEvent;
import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/**
 * A partitioned backfill on a worker, shown the way {@code sequencer worker} shows it: progress as completed of all
 * partitions, then the operation's line. A real worker on H2 runs the partitions; the command's own listener and
 * progress lines (every event, not every five seconds) show them.
 */
class CliPartitionProgressTest {

    private static final String NAME = "2024_06_01_000000_fill_totals";

    /** Three partitions that do nothing but exist. */
    public static final class FillTotals implements PartitionedOperation {

        @Override
        public List<String> partitions(OperationContext context) {
            return List.of("1-100", "101-200", "201-300");
        }

        @Override
        public void handlePartition(OperationContext context, String partition) {}
    }

    private static OperationDescriptor fillTotals() {
        OperationDescriptor.Source source = new OperationDescriptor.Source() {
            @Override
            public Class<? extends OperationHandler> type() {
                return FillTotals.class;
            }

            @Override
            public OperationHandler newInstance() {
                return new FillTotals();
            }
        };
        return new OperationDescriptor(
                NAME,
                "20240601000000",
                FillTotals.class.getName(),
                "",
                List.of(),
                List.of(),
                null,
                true,
                true,
                true,
                source,
                new OperationPolicy(1, List.of(), null, false, List.of(), 1));
    }

    @Test
    void aWorkerShowsHowManyPartitionsAreCompletedThenTheOperation() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        LiveSteps steps = new LiveSteps(
                new PrintWriter(out, true),
                new StepFormat(StepFormat.NAME_WIDTH, Ansi.OFF),
                new ProgressLines(new PrintWriter(err, true), Duration.ZERO));

        try (Sequencer sequencer = Sequencer.configure()
                        .property("sequencer.url", CliDatabase.h2().url())
                        .property("sequencer.flyway.locations", "classpath:cli/none")
                        .property("sequencer.async.polling-interval", "100ms")
                        .property("sequencer.async.threads", "1") // one partition after the other: each count shows
                        .registry(List.of(fillTotals()))
                        .listener(steps)
                        .load();
                Worker worker = sequencer.worker()) {
            sequencer.process();
            assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
        }

        assertThat(err.toString().lines())
                .map(l -> l.replaceAll(" \\(.*", ""))
                .containsExactly(
                        "progress   " + NAME + "  1/3", "progress   " + NAME + "  2/3", "progress   " + NAME + "  3/3");
        assertThat(out.toString().lines())
                .anySatisfy(l -> assertThat(l).startsWith(line("operation", NAME, "dispatched")))
                .anySatisfy(l -> assertThat(l).startsWith(line("operation", NAME, "completed")));
    }

    @Test
    void progressThatArrivesOutOfOrderFromSeveralWorkerThreadsNeverGoesBack() {
        StringWriter err = new StringWriter();
        LiveSteps steps = new LiveSteps(
                new PrintWriter(new StringWriter(), true),
                new StepFormat(StepFormat.NAME_WIDTH, Ansi.OFF),
                new ProgressLines(new PrintWriter(err, true), Duration.ZERO));

        steps.operationProgress(new ProgressEvent(NAME, 2, 3, Duration.ofMillis(20)));
        steps.operationProgress(new ProgressEvent(NAME, 1, 3, Duration.ofMillis(30)));
        steps.operationProgress(new ProgressEvent(NAME, 3, 3, Duration.ofMillis(40)));

        assertThat(err.toString().lines())
                .map(l -> l.replaceAll(" \\(.*", ""))
                .containsExactly("progress   " + NAME + "  2/3", "progress   " + NAME + "  3/3");
    }
}
