package dev.sequencer.example;

import dev.sequencer.OperationStatus;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import dev.sequencer.cli.SequencerCli;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Runs the shop's migrations and one-time operations on embedded H2 (see {@code sequencer.properties}).
 *
 * <p>With the default {@code command} strategy, {@code migrate()} applies Flyway migrations only and
 * {@code process()} runs whatever is pending, migrations and operations interleaved. Run it with
 * {@code -Dsequencer.strategy=migration} and {@code migrate()} does everything in one call.
 *
 * <p>With arguments it is the {@code sequencer} command line over the shop's operations, as an application's own
 * {@code main} can be: {@code mvn -q -pl example exec:java -Dexec.args="info"}.
 */
public final class ExampleApp {

    private ExampleApp() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            SequencerCli.main(args); // exits with the command's exit code
            return;
        }
        try (Sequencer sequencer = GeneratedSequencer.sequencer()) {
            run(sequencer, System.out);
        }
    }

    /** Calls migrate() then process(), lets a worker finish what they dispatched, and prints what happened. */
    static void run(Sequencer sequencer, PrintStream out) {
        out.println("Sequencer example (strategy: " + sequencer.strategy().name() + ", "
                + sequencer.registry().size() + " operations)");
        RunReport migrated = sequencer.migrate();
        print(out, "migrate()", migrated);
        RunReport processed = sequencer.process();
        print(out, "process()", processed);
        if (migrated.nothingPending() && processed.nothingPending()) {
            out.println("Nothing pending: every migration and operation has already run.");
        }
        drainAsynchronousWork(sequencer, out);
    }

    /** Runs a worker until the dispatched operations are done; in production, workers run on every node. */
    private static void drainAsynchronousWork(Sequencer sequencer, PrintStream out) {
        List<String> dispatched = sequencer.status().stream()
                .filter(OperationStatus::dispatched)
                .map(OperationStatus::name)
                .toList();
        if (dispatched.isEmpty()) {
            return;
        }
        out.println("worker:");
        try (Worker worker = sequencer.worker()) {
            if (!worker.awaitIdle(Duration.ofSeconds(60))) {
                out.println("  still busy after 60 s; the work stays queued for the next worker");
            }
        }
        for (OperationStatus status : sequencer.status()) {
            if (dispatched.contains(status.name())) {
                out.printf(
                        "  operation %-45s %s%n", status.name(), status.state().dbValue());
            }
        }
    }

    private static void print(PrintStream out, String call, RunReport report) {
        if (report.steps().isEmpty()) {
            out.println(call + ": nothing to do");
            return;
        }
        out.println(call + ":");
        for (RunReport.Step step : report.steps()) {
            out.printf(
                    "  %-9s %-45s %s%s%n",
                    step.kind() == RunReport.Kind.MIGRATION ? "migration" : "operation",
                    step.name(),
                    step.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    step.detail().isEmpty() ? "" : " (" + step.detail() + ")");
        }
    }
}
