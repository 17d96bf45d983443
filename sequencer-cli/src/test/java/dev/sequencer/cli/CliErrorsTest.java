package dev.sequencer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and unreachable databases: one line on standard error, the exit code of SPEC 9, no secret shown. */
class CliErrorsTest {

    private static final String PASSWORD = "s3cr3t-Pa55word";

    @TempDir
    Path dir;

    private static CliRunner.Result sequencer(String... args) {
        return CliRunner.pipe().run(args);
    }

    @Test
    void aDatabaseThatIsDownExitsWithThreeNamingTheUrlToCheck() {
        CliRunner.Result result = sequencer("process", "--url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err())
                .startsWith("error: Cannot connect to the database jdbc:postgresql://127.0.0.1:1/x: Connection to"
                        + " 127.0.0.1:1 refused")
                .contains("check sequencer.url");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aWrongPasswordExitsWithThreeAndNeverShowsThePassword() throws Exception {
        String url = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url, "owner", PASSWORD)) {
            Path wrong = dir.resolve("wrong.properties");
            Files.writeString(wrong, "sequencer.user=owner\nsequencer.password=" + PASSWORD + "-wrong\n");
            Path right = dir.resolve("right.properties");
            Files.writeString(right, "sequencer.user=owner\nsequencer.password=" + PASSWORD + "\n");

            CliRunner.Result refused = sequencer("info", "--url", url, "--config", wrong.toString(), "--verbose");
            CliRunner.Result accepted = sequencer("info", "--url", url, "--config", right.toString());

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.errLines().get(0))
                    .startsWith("error: Cannot connect to the database")
                    .contains("check sequencer.user and sequencer.password");
            assertThat(refused.err() + refused.out()).doesNotContain(PASSWORD);
            assertThat(accepted.exitCode()).as("the --config file is read").isZero();
        }
    }

    @Test
    void aPasswordIsNeverAnOption() {
        CliRunner.Result define = sequencer("info", "-Dsequencer.password=" + PASSWORD, "--url", "jdbc:h2:mem:x");
        CliRunner.Result inUrl = sequencer("info", "--url", "jdbc:postgresql://db/shop?user=app&password=" + PASSWORD);

        assertThat(define.exitCode()).isEqualTo(2);
        assertThat(define.err())
                .startsWith("error: -Dsequencer.password is not accepted: a password on the command line is visible")
                .contains("SEQUENCER_PASSWORD")
                .doesNotContain(PASSWORD);
        assertThat(inUrl.exitCode()).isEqualTo(2);
        assertThat(inUrl.err())
                .startsWith("error: A JDBC URL with a password parameter is not accepted")
                .doesNotContain(PASSWORD);
    }

    @Test
    void anUnknownStrategyIsAConfigurationError() {
        CliRunner.Result result = sequencer("process", "--url", "jdbc:h2:mem:x", "-Dsequencer.strategy=sideways");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: sequencer.strategy is 'sideways', which is not a strategy; use 'command' (the"
                        + " default) or 'migration'\n");
    }

    @Test
    void noDatabaseConfiguredIsAConfigurationError() {
        CliRunner.Result result = sequencer("info");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: No database configured: set sequencer.url");
    }

    @Test
    void aConfigFileThatCannotBeReadIsAUsageError() {
        CliRunner.Result result =
                sequencer("info", "--config", dir.resolve("absent.properties").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: Cannot read the --config file")
                .contains("NoSuchFileException");
    }

    @Test
    void anUnknownOperationNameIsAUsageError() {
        CliRunner.Result result = sequencer(
                "execute",
                "2024_01_01_000000_nothing",
                "--url",
                CliDatabase.h2().url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: No operation is named '2024_01_01_000000_nothing'; 'sequencer info' lists the"
                        + " operations (see 'sequencer execute --help')\n");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        CliRunner.Result result = sequencer("proces");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("error: Unknown command: 'proces'; did you mean 'process'");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestion() {
        CliRunner.Result result = sequencer("info", "--jsn");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: Unknown option: '--jsn'; did you mean '--json'? (see 'sequencer info --help')\n");
    }

    @Test
    void fromThatIsNotATimestampIsAUsageError() {
        CliRunner.Result result = sequencer("process", "--from", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: Invalid value for option '--from': 'yesterday' is not a timestamp; write it like"
                        + " 2024_01_02_000000 or 20240102000000 (see 'sequencer process --help')\n");
    }

    @Test
    void withoutACommandTheUsageGoesToStandardErrorWithExitCodeTwo() {
        CliRunner.Result result = sequencer();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Usage: sequencer").contains("Commands:", "process", "Exit codes:");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void helpListsEveryCommandOfTheSpecification() {
        CliRunner.Result result = sequencer("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("process", "migrate", "info, status", "history", "execute", "rollback", "redispatch")
                .contains("validate", "baseline", "skip", "mark-completed", "worker", "new")
                .contains("--url", "--user", "--config", "-D", "--verbose");
    }

    @Test
    void everyCommandHasHelpAndOptionsAreAcceptedAfterTheCommandToo() {
        CliRunner.Result result = sequencer("process", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--tags", "--from", "--repeat", "--dry-run", "--sync", "--url");
    }

    @Test
    void versionNamesTheBuild() {
        CliRunner.Result result = sequencer("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("sequencer \\d+\\.\\d+\\.\\d+.*\n");
    }
}
