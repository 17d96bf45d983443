package dev.sequencer.cli;

import static dev.sequencer.cli.FixtureNames.BACKFILL;
import static dev.sequencer.cli.FixtureNames.WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code history NAME}: each attempt, failures with their stack traces, as text and JSON. */
class CliHistoryTest {

    private final CliDatabase db = CliDatabase.h2();
    private final CliRunner cli = CliRunner.pipe().on(db);

    /** The note fails once, then succeeds. */
    @BeforeEach
    void failThenSucceed() {
        cli.run("migrate");
        db.execute("insert into switches (name) values ('fail-note')");
        assertThat(cli.run("process").exitCode()).isEqualTo(1);
        db.execute("delete from switches");
        assertThat(cli.run("process").exitCode()).isZero();
    }

    @Test
    void historyShowsEachAttemptOldestFirstWithTheFailuresStackTrace() {
        CliRunner.Result result = cli.run("history", WRITE_NOTE);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String out = result.out();
        assertThat(out).startsWith(WRITE_NOTE + ": 2 rows, oldest first");
        assertThat(out.indexOf(" failed ")).isPositive().isLessThan(out.indexOf(" completed "));
        assertThat(out)
                .contains("reason: IllegalStateException: the fail-note switch is on")
                .contains("java.lang.IllegalStateException: the fail-note switch is on")
                .contains("at dev.sequencer.cli.fixture.Switches.failIfOn")
                .contains("attempt 2");
    }

    @Test
    void historyJsonHasTheAttemptsWithTheirErrors() throws Exception {
        CliRunner.Result result = cli.run("history", WRITE_NOTE, "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode attempts = new ObjectMapper().readTree(result.out());
        assertThat(attempts).hasSize(2);
        JsonNode failed = attempts.get(0);
        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.get("attempt").asInt()).isEqualTo(1);
        assertThat(failed.get("error").get("exceptionClass").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.get("error").get("stackTrace").asText()).contains("Switches.failIfOn");
        assertThat(attempts.get(1).get("state").asText()).isEqualTo("completed");
        assertThat(attempts.get(1).get("error").isNull()).isTrue();
        assertThat(attempts.get(1).get("durationMillis").isNumber()).isTrue();
    }

    @Test
    void historyOfAnOperationThatNeverRanSaysSo() {
        db.execute("delete from sequencer_operations where name = '" + BACKFILL + "'");

        CliRunner.Result result = cli.run("history", BACKFILL);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(BACKFILL + " has no history: it has never run.\n");
    }

    @Test
    void historyOfAnUnknownNameIsAUsageErrorWithSuggestions() {
        CliRunner.Result result = cli.run("history", "write_note");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: No operation is named 'write_note'; did you mean '" + WRITE_NOTE
                        + "'? (see 'sequencer history --help')\n");
    }

    @Test
    void historyOfANameOnlyTheHistoryKnowsShowsIt() {
        db.execute("update sequencer_operations set name = '2024_01_03_000000_old_note' where name = '" + WRITE_NOTE
                + "'");

        CliRunner.Result result = cli.run("history", "2024_01_03_000000_old_note");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("2024_01_03_000000_old_note: 2 rows");
    }
}
