package dev.sequencer.cli;

import dev.sequencer.RunReport;
import java.io.PrintWriter;
import java.time.Duration;

/** The end of a run's output: what had no line yet, then the summary, or that there was nothing to do. */
final class RunSummary {

    private RunSummary() {}

    /** Prints the rest of {@code report} through {@code steps} and the summary of a run started at {@code started}. */
    static void print(PrintWriter out, LiveSteps steps, RunReport report, long started) {
        if (report.nothingPending()) {
            out.println("Nothing to do: every migration and operation has already run.");
            return;
        }
        steps.printRest(report);
        out.println(StepFormat.summary(report, Duration.ofNanos(System.nanoTime() - started)));
    }
}
