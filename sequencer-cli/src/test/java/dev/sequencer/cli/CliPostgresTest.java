package dev.sequencer.cli;

import static dev.sequencer.cli.CliProcessTest.line;
import static dev.sequencer.cli.FixtureNames.INSERT_ITEMS;
import static dev.sequencer.cli.FixtureNames.REINDEX;
import static dev.sequencer.cli.FixtureNames.SEND_MAIL;
import static dev.sequencer.cli.FixtureNames.WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * process, info --json and worker --until-idle on PostgreSQL; skipped unless {@code sequencer.test.postgres.url} or
 * {@code SEQUENCER_TEST_POSTGRES_URL} is set (.ci/run sets it).
 */
class CliPostgresTest {

    private CliDatabase db;
    private CliRunner cli;

    @BeforeEach
    void freshDatabase() {
        assumeTrue(CliDatabase.postgresUrl().isPresent(), "no PostgreSQL configured");
        db = CliDatabase.freshPostgres(CliDatabase.postgresUrl().orElseThrow());
        cli = CliRunner.pipe().on(db);
    }

    @Test
    void processRunsEverythingAndPrintsEachStep() {
        CliRunner.Result result = cli.run("process");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(line("operation", INSERT_ITEMS, "completed"))
                .contains(line("operation", WRITE_NOTE, "completed"))
                .contains(line("operation", SEND_MAIL, "dispatched"))
                .contains("2 migrations, 6 operations (1 skipped, 2 dispatched) in ");
        assertThat(db.count("select count(*) from items")).isEqualTo(3);
        assertThat(cli.run("process").out()).startsWith("Nothing to do");
    }

    @Test
    void dryRunChangesNothing() {
        cli.run("process", "--tags", "catalog");
        long history = db.count("select count(*) from sequencer_operations");

        CliRunner.Result plan = cli.run("process", "--dry-run");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains(line("operation", WRITE_NOTE, "planned"));
        assertThat(db.count("select count(*) from sequencer_operations")).isEqualTo(history);
        assertThat(db.count("select count(*) from notes")).isZero();
    }

    @Test
    void infoJsonHasAnEntryPerMigrationAndOperation() throws Exception {
        cli.run("process");

        CliRunner.Result result = cli.run("info", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode document = new ObjectMapper().readTree(result.out());
        assertThat(document).hasSize(2 + 6);
        assertThat(document.get(0).get("kind").asText()).isEqualTo("migration");
        assertThat(document.get(0).get("state").asText()).isEqualTo("success");
        assertThat(document.findValuesAsText("name")).contains(INSERT_ITEMS, SEND_MAIL, REINDEX);
    }

    @Test
    void workerUntilIdleRunsTheDispatchedOperations() {
        cli.run("process");

        CliRunner.Result result = cli.run("worker", "--until-idle", "--timeout", "2m");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(line("operation", SEND_MAIL, "completed"))
                .contains(line("operation", REINDEX, "completed"));
        assertThat(db.count("select count(*) from outbox")).isEqualTo(1);
    }
}
