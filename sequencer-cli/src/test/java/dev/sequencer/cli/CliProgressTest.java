package dev.sequencer.cli;

import static dev.sequencer.cli.FixtureNames.BACKFILL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.OperationEvent;
import dev.sequencer.ProgressEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import me.tongfei.progressbar.ProgressBarStyle;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** Progress as a terminal shows it (a bar on standard error, colours) and as a pipe does (plain lines, no colour). */
class CliProgressTest {

    private static final String ESC = "\u001b[";

    private static ProgressEvent progress(long done, long total, int seconds) {
        return new ProgressEvent(BACKFILL, done, total, Duration.ofSeconds(seconds));
    }

    @Test
    void inAPipeProgressIsAPlainLineAtMostEveryFiveSecondsOfAnOperation() {
        StringWriter err = new StringWriter();
        ProgressLines lines = new ProgressLines(new PrintWriter(err, true), ProgressDisplay.LINE_INTERVAL);

        lines.show(progress(100, 1000, 1));
        lines.show(progress(400, 1000, 4));
        lines.show(progress(500, 1000, 5));
        lines.show(progress(600, 1000, 6));
        lines.show(progress(900, 1000, 10));

        assertThat(err.toString().lines())
                .containsExactly(
                        "progress   " + BACKFILL + "  500/1000 (50%), 100/s, about 5.0 s left",
                        "progress   " + BACKFILL + "  900/1000 (90%), 90/s, about 1.1 s left");
    }

    @Test
    void anUnknownTotalIsShownAsUnitsDone() {
        assertThat(ProgressLines.describe(progress(300, 0, 6))).isEqualTo("300 done, 50/s");
    }

    @Test
    void theOperationsLineFollowsItsProgressInAPipe() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        LiveSteps steps = new LiveSteps(
                new PrintWriter(out, true),
                new StepFormat(StepFormat.NAME_WIDTH, Ansi.OFF),
                new ProgressLines(new PrintWriter(err, true), ProgressDisplay.LINE_INTERVAL));

        steps.operationProgress(progress(2, 4, 6));
        steps.operationCompleted(new OperationEvent(BACKFILL, null, Duration.ofSeconds(12), null, null));

        assertThat(err.toString()).isEqualTo("progress   " + BACKFILL + "  2/4 (50%), 0/s, about 6.0 s left\n");
        assertThat(out.toString()).isEqualTo(CliProcessTest.line("operation", BACKFILL, "completed") + "     12.0 s\n");
    }

    @Test
    void onATerminalABarShowsTheOperationDoneOfTotalAndIsRedrawnInPlace() {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        ProgressBarDisplay bar = new ProgressBarDisplay(new PrintStream(drawn, true, StandardCharsets.UTF_8), false);

        bar.show(progress(1, 4, 1));
        bar.show(progress(2, 4, 2));
        bar.end(BACKFILL);

        String text = drawn.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r").contains(BACKFILL).contains("2/4").doesNotContain(ESC);
    }

    @Test
    void theBarHasColoursAndBlocksOnlyWhereTheyWork() {
        assertThat(ProgressBarDisplay.style(true, StandardCharsets.UTF_8))
                .isSameAs(ProgressBarStyle.COLORFUL_UNICODE_BLOCK);
        assertThat(ProgressBarDisplay.style(false, StandardCharsets.UTF_8)).isSameAs(ProgressBarStyle.UNICODE_BLOCK);
        assertThat(ProgressBarDisplay.style(true, StandardCharsets.US_ASCII)).isSameAs(ProgressBarStyle.ASCII);
    }

    @Test
    void aPipeGetsNeitherColoursNorRedrawnLines() {
        CliRunner.Result result =
                CliRunner.pipe().run("process", "--url", CliDatabase.h2().url());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out() + result.err()).doesNotContain(ESC).doesNotContain("\r");
        assertThat(result.bar()).isEmpty();
    }

    @Test
    void aTerminalGetsColoursUnlessNoColorIsSet() {
        CliRunner.Result coloured = CliRunner.terminal(Map.of())
                .run("process", "--url", CliDatabase.h2().url());
        CliRunner.Result plain = CliRunner.terminal(Map.of("NO_COLOR", "1"))
                .run("process", "--url", CliDatabase.h2().url());

        assertThat(coloured.exitCode()).isZero();
        assertThat(coloured.out()).contains(ESC);
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.out()).doesNotContain(ESC).contains("completed");
    }
}
