package dev.sequencer.cli;

import dev.sequencer.RunReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Help.Ansi;

/**
 * The lines a run prints: one per migration and operation ({@code operation  <name>  completed  12 ms}) and the
 * summary ({@code 2 migrations, 5 operations (1 skipped) in 1.8 s}).
 */
final class StepFormat {

    /** Wide enough for {@code 2024_01_02_000000_} and a class name of 27 letters; longer names push the line. */
    static final int NAME_WIDTH = 45;

    private final int nameWidth;
    private final Ansi ansi;

    /** Names are padded to {@code nameWidth}; outcomes are coloured when {@code ansi} is on. */
    StepFormat(int nameWidth, Ansi ansi) {
        this.nameWidth = nameWidth;
        this.ansi = ansi;
    }

    /** One step; {@code elapsed} {@code null} for steps that did not run (waiting, planned). */
    String line(RunReport.Kind kind, String name, RunReport.Outcome outcome, Duration elapsed, String detail) {
        String outcomeText = String.format(Locale.ROOT, "%-11s", outcomeWord(outcome));
        StringBuilder line = new StringBuilder()
                .append(String.format(Locale.ROOT, "%-9s  %-" + nameWidth + "s  ", kindWord(kind), name))
                .append(ansi.string("@|" + colour(outcome) + " " + outcomeText + "|@"))
                .append(String.format(Locale.ROOT, " %8s", elapsed == null ? "" : HumanTime.duration(elapsed)));
        if (detail != null && !detail.isBlank()) {
            line.append("  (").append(ErrorReporter.oneLine(detail)).append(')');
        }
        return line.toString().stripTrailing();
    }

    /** A step of a report: plans and waiting steps have no duration. */
    String line(RunReport.Step step) {
        boolean ran = step.outcome() != RunReport.Outcome.PLANNED && step.outcome() != RunReport.Outcome.WAITING;
        return line(step.kind(), step.name(), step.outcome(), ran ? step.elapsed() : null, step.detail());
    }

    /**
     * {@code 2 migrations, 5 operations (1 skipped, 1 dispatched) in 1.8 s}; for a dry run, what would run and that
     * nothing changed.
     */
    static String summary(RunReport report, Duration elapsed) {
        List<RunReport.Step> migrations = report.migrations();
        Set<String> operations = new LinkedHashSet<>();
        Map<RunReport.Outcome, Integer> others = new EnumMap<>(RunReport.Outcome.class);
        for (RunReport.Step step : report.operations()) {
            operations.add(step.name());
            if (step.outcome() != RunReport.Outcome.COMPLETED && step.outcome() != RunReport.Outcome.PLANNED) {
                others.merge(step.outcome(), 1, Integer::sum);
            }
        }
        List<String> notes = new ArrayList<>();
        others.forEach((outcome, count) -> notes.add(count + " " + outcomeWord(outcome)));
        String counts = count(migrations.size(), "migration") + ", " + count(operations.size(), "operation")
                + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
        if (report.dryRun()) {
            return "Dry run, nothing changed: " + counts + " in the plan";
        }
        return counts + " in " + HumanTime.duration(elapsed);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String kindWord(RunReport.Kind kind) {
        return kind == RunReport.Kind.MIGRATION ? "migration" : "operation";
    }

    static String outcomeWord(RunReport.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String colour(RunReport.Outcome outcome) {
        return switch (outcome) {
            case APPLIED, COMPLETED -> "green";
            case FAILED -> "red,bold";
            case SKIPPED, WAITING, ROLLED_BACK -> "yellow";
            case DISPATCHED, PLANNED -> "cyan";
        };
    }
}
