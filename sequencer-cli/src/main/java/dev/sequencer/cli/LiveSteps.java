package dev.sequencer.cli;

import dev.sequencer.OperationEvent;
import dev.sequencer.ProgressEvent;
import dev.sequencer.RunReport;
import dev.sequencer.SequencerListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Prints each migration and operation the moment it ends, from Sequencer's events and a Flyway callback, and then
 * the steps of the run's report that had no event (operations left waiting). Progress goes to a
 * {@link ProgressDisplay}, whose bar is taken down before the operation's line is printed. Events may come from
 * several threads (workers, the parallel orchestrator).
 */
final class LiveSteps implements SequencerListener, Callback {

    private final PrintWriter out;
    private final StepFormat format;
    private final ProgressDisplay progress;
    private final Map<String, Integer> printed = new HashMap<>();
    private final Map<String, RunReport.Outcome> lastOutcomes = new LinkedHashMap<>();
    private final Map<String, Long> progressShown = new HashMap<>();
    private long migrationStarted;

    LiveSteps(PrintWriter out, StepFormat format, ProgressDisplay progress) {
        this.out = out;
        this.format = format;
        this.progress = progress;
    }

    @Override
    public void operationProgress(ProgressEvent event) {
        synchronized (this) {
            // Worker threads may deliver a partitioned operation's counts out of order: progress never goes back.
            Long shown = progressShown.get(event.name());
            if (shown != null && event.done() < shown) {
                return;
            }
            progressShown.put(event.name(), event.done());
        }
        progress.show(event);
    }

    @Override
    public void operationCompleted(OperationEvent event) {
        operationEnded(event, RunReport.Outcome.COMPLETED, "");
    }

    @Override
    public void operationSkipped(OperationEvent event) {
        operationEnded(event, RunReport.Outcome.SKIPPED, event.reason());
    }

    @Override
    public void operationFailed(OperationEvent event) {
        Throwable error = event.error();
        operationEnded(
                event,
                RunReport.Outcome.FAILED,
                error == null
                        ? ""
                        : error.getMessage() == null ? error.getClass().getName() : error.getMessage());
    }

    @Override
    public void operationDispatched(OperationEvent event) {
        operationEnded(event, RunReport.Outcome.DISPATCHED, "");
    }

    @Override
    public void operationRolledBack(OperationEvent event) {
        operationEnded(event, RunReport.Outcome.ROLLED_BACK, "");
    }

    private void operationEnded(OperationEvent event, RunReport.Outcome outcome, String detail) {
        progress.end(event.name());
        synchronized (this) {
            progressShown.remove(event.name());
        }
        print(RunReport.Kind.OPERATION, event.name(), outcome, event.elapsed(), detail);
        synchronized (this) {
            lastOutcomes.put(event.name(), outcome);
        }
    }

    /** The operations whose latest event was a failure (a failed attempt that was retried successfully is not). */
    synchronized List<String> failedOperations() {
        return lastOutcomes.entrySet().stream()
                .filter(e -> e.getValue() == RunReport.Outcome.FAILED)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Prints the steps of {@code report} that no event printed (a dry run's plan, operations left waiting), in the
     * report's order.
     */
    synchronized void printRest(RunReport report) {
        for (RunReport.Step step : report.steps()) {
            String key = key(step.kind(), step.name(), step.outcome());
            Integer count = printed.get(key);
            if (count != null && count > 0) {
                printed.put(key, count - 1);
            } else {
                out.println(format.line(step));
            }
        }
        out.flush();
    }

    private synchronized void print(
            RunReport.Kind kind, String name, RunReport.Outcome outcome, Duration elapsed, String detail) {
        out.println(format.line(kind, name, outcome, elapsed, detail));
        out.flush();
        printed.merge(key(kind, name, outcome), 1, Integer::sum);
        migrationStarted = System.nanoTime();
    }

    private static String key(RunReport.Kind kind, String name, RunReport.Outcome outcome) {
        return kind + " " + outcome + " " + name;
    }

    // Flyway: a line per migration. Operations due before a migration run in Sequencer's own beforeEachMigrate
    // callback, after this one, so a migration's time starts when the last line before it was printed.

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            synchronized (this) {
                migrationStarted = System.nanoTime();
            }
            return;
        }
        Duration elapsed;
        synchronized (this) {
            elapsed = Duration.ofNanos(System.nanoTime() - migrationStarted);
        }
        print(
                RunReport.Kind.MIGRATION,
                migrationName(context.getMigrationInfo()),
                event == Event.AFTER_EACH_MIGRATE ? RunReport.Outcome.APPLIED : RunReport.Outcome.FAILED,
                elapsed,
                "");
    }

    /** As {@code info} and run reports name migrations: {@code V<version> <description>}, {@code R <description>}. */
    static String migrationName(MigrationInfo migration) {
        return migration.getVersion() == null
                ? "R " + migration.getDescription()
                : "V" + migration.getVersion().getVersion() + " " + migration.getDescription();
    }

    @Override
    public String getCallbackName() {
        return "sequencer-cli-steps";
    }
}
