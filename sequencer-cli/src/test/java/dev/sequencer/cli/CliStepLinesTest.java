package dev.sequencer.cli;

import static dev.sequencer.cli.CliProcessTest.line;
import static dev.sequencer.cli.FixtureNames.BACKFILL;
import static dev.sequencer.cli.FixtureNames.CREATE_ITEMS;
import static dev.sequencer.cli.FixtureNames.WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.OperationEvent;
import dev.sequencer.RunReport;
import dev.sequencer.RunReport.Kind;
import dev.sequencer.RunReport.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** The step lines and the summary: what events printed is not repeated; what had none, a waiting step, is. */
class CliStepLinesTest {

    private final StringWriter out = new StringWriter();
    private final LiveSteps steps = new LiveSteps(
            new PrintWriter(out, true),
            new StepFormat(StepFormat.NAME_WIDTH, Ansi.OFF),
            new ProgressLines(new PrintWriter(new StringWriter()), ProgressDisplay.LINE_INTERVAL));

    @Test
    void stepsWithoutAnEventAreListedAfterTheRunWithTheirReason() {
        steps.operationCompleted(new OperationEvent(BACKFILL, null, Duration.ofMillis(12), null, null));
        RunReport report = new RunReport(
                List.of(
                        new RunReport.Step(Kind.OPERATION, BACKFILL, Outcome.COMPLETED, "", Duration.ofMillis(12)),
                        new RunReport.Step(
                                Kind.OPERATION,
                                WRITE_NOTE,
                                Outcome.WAITING,
                                "waits for 2024_01_02_000000_insert_items (failed)",
                                Duration.ZERO)),
                false);

        steps.printRest(report);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches(Pattern.quote(line("operation", BACKFILL, "completed")) + " +12 ms");
        assertThat(lines.get(1))
                .matches(Pattern.quote(line("operation", WRITE_NOTE, "waiting"))
                        + " +\\(waits for 2024_01_02_000000_insert_items \\(failed\\)\\)");
    }

    @Test
    void theSummaryCountsMigrationsAndOperationsAndNamesWhatDidNotComplete() {
        RunReport report = new RunReport(
                List.of(
                        new RunReport.Step(Kind.MIGRATION, CREATE_ITEMS, Outcome.APPLIED, "", Duration.ofMillis(5)),
                        new RunReport.Step(Kind.OPERATION, BACKFILL, Outcome.COMPLETED, "", Duration.ofMillis(5)),
                        new RunReport.Step(Kind.OPERATION, WRITE_NOTE, Outcome.WAITING, "why", Duration.ZERO)),
                false);

        assertThat(StepFormat.summary(report, Duration.ofMillis(1800)))
                .isEqualTo("1 migration, 2 operations (1 waiting) in 1.8 s");
        assertThat(StepFormat.summary(new RunReport(report.steps(), true), Duration.ZERO))
                .isEqualTo("Dry run, nothing changed: 1 migration, 2 operations (1 waiting) in the plan");
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(HumanTime.duration(Duration.ofMillis(12))).isEqualTo("12 ms");
        assertThat(HumanTime.duration(Duration.ofMillis(1849))).isEqualTo("1.8 s");
        assertThat(HumanTime.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(HumanTime.duration(Duration.ofMinutes(182))).isEqualTo("3 h 2 min");
    }
}
