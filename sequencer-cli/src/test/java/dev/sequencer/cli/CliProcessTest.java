package dev.sequencer.cli;

import static dev.sequencer.cli.FixtureNames.BACKFILL;
import static dev.sequencer.cli.FixtureNames.CREATE_ITEMS;
import static dev.sequencer.cli.FixtureNames.CREATE_NOTES;
import static dev.sequencer.cli.FixtureNames.INSERT_ITEMS;
import static dev.sequencer.cli.FixtureNames.REINDEX;
import static dev.sequencer.cli.FixtureNames.SEND_MAIL;
import static dev.sequencer.cli.FixtureNames.SKIP_ARCHIVE;
import static dev.sequencer.cli.FixtureNames.WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code process} and {@code migrate} on H2: a line per step as it ends, a summary, the options, failures. */
class CliProcessTest {

    private final CliDatabase db = CliDatabase.h2();
    private final CliRunner cli = CliRunner.pipe().on(db);

    @Test
    void processPrintsEachMigrationAndOperationInRunOrderThenASummary() {
        CliRunner.Result result = cli.run("process");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).matches("migration  " + CREATE_ITEMS + " +applied +\\d+ ms");
        assertThat(lines.get(1)).matches("operation  " + INSERT_ITEMS + " +completed +\\d+ ms");
        assertThat(lines.get(2)).matches("migration  " + CREATE_NOTES + " +applied +\\d+ ms");
        assertThat(lines.get(3)).matches("operation  " + WRITE_NOTE + " +completed +\\d+ ms");
        assertThat(lines.get(4))
                .matches("operation  " + SKIP_ARCHIVE + " +skipped +\\d+ ms  \\(no archive to import\\)");
        assertThat(lines.get(5)).matches("operation  " + SEND_MAIL + " +dispatched +[\\d.]+ m?s");
        assertThat(lines.get(6)).matches("operation  " + BACKFILL + " +completed +[\\d.]+ m?s");
        assertThat(lines.get(7)).matches("operation  " + REINDEX + " +dispatched +[\\d.]+ m?s");
        assertThat(lines.get(8)).matches("2 migrations, 6 operations \\(1 skipped, 2 dispatched\\) in [\\d.]+ m?s");
        int outcomeColumn = "operation  ".length() + StepFormat.NAME_WIDTH + 2;
        assertThat(lines.subList(0, 8))
                .as("the outcome column is aligned")
                .allSatisfy(line -> assertThat(line.substring(outcomeColumn - 1, outcomeColumn + 1))
                        .matches(" [a-z]"));
        assertThat(result.err()).isEmpty();
        assertThat(db.count("select count(*) from items")).isEqualTo(3);
        assertThat(db.count("select count(*) from notes")).isEqualTo(1);
    }

    @Test
    void aSecondProcessHasNothingToDo() {
        cli.run("process");

        CliRunner.Result second = cli.run("process");

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEqualTo("Nothing to do: every migration and operation has already run.\n");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() {
        cli.run("process", "--tags", "catalog");
        Map<String, Long> before = rowCounts();

        CliRunner.Result plan = cli.run("process", "--dry-run");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out().lines())
                .containsExactly(
                        line("operation", WRITE_NOTE, "planned"),
                        line("operation", SKIP_ARCHIVE, "planned"),
                        line("operation", SEND_MAIL, "planned"),
                        line("operation", REINDEX, "planned"),
                        "Dry run, nothing changed: 0 migrations, 4 operations in the plan");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void dryRunOnAnEmptyDatabaseCreatesNoTable() {
        CliRunner.Result plan = cli.run("process", "--dry-run");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains(line("migration", CREATE_ITEMS, "planned"));
        assertThat(db.count("select count(*) from information_schema.tables where table_schema = 'PUBLIC'"))
                .isZero();
    }

    @Test
    void tagsSelectOperationsAndStillApplyEveryMigration() {
        CliRunner.Result result = cli.run("process", "--tags", "mail,search", "--sync");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(CREATE_ITEMS, CREATE_NOTES)
                .contains(line("operation", SEND_MAIL, "completed"))
                .contains(line("operation", REINDEX, "completed"))
                .doesNotContain(INSERT_ITEMS, WRITE_NOTE, BACKFILL)
                .contains("2 migrations, 2 operations in ");
        assertThat(db.count("select count(*) from outbox"))
                .as("--sync ran it here")
                .isEqualTo(1);
    }

    @Test
    void fromRunsOnlyOperationsAtOrAfterTheTimestamp() {
        CliRunner.Result result = cli.run("process", "--from", "20240105000000");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).doesNotContain(INSERT_ITEMS, WRITE_NOTE).contains(SKIP_ARCHIVE, BACKFILL);
        assertThat(db.states(INSERT_ITEMS)).isEmpty();
    }

    @Test
    void repeatRunsACompletedOperationAgainAsANewRow() {
        cli.run("process");

        CliRunner.Result again = cli.run("process", "--repeat", "--from", "2024_01_07_000000", "--tags", "catalog");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains(line("operation", BACKFILL, "completed"));
        assertThat(db.states(BACKFILL)).containsExactly("completed", "completed");
    }

    @Test
    void aFailingOperationExitsWithOneAndOneErrorLineAfterItsLines() {
        cli.run("migrate");
        db.execute("insert into switches (name) values ('fail-note')");

        CliRunner.Result result = cli.run("process");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out())
                .contains(line("operation", INSERT_ITEMS, "completed"))
                .contains(line("operation", WRITE_NOTE, "failed"))
                .contains("(the fail-note switch is on)")
                .contains(line("operation", INSERT_ITEMS, "rolled back"))
                .doesNotContain(SKIP_ARCHIVE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("error: Operation " + WRITE_NOTE + " failed");
        assertThat(db.states(WRITE_NOTE)).containsExactly("failed");
        assertThat(db.count("select count(*) from items")).as("rolled back").isZero();
    }

    @Test
    void verboseAddsTheStackTraceAfterTheErrorLine() {
        cli.run("migrate");
        db.execute("insert into switches (name) values ('fail-note')");

        CliRunner.Result result = cli.run("process", "--verbose");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines().get(0)).startsWith("error: Operation " + WRITE_NOTE + " failed");
        assertThat(result.err())
                .contains("dev.sequencer.OperationFailedException")
                .contains("\tat dev.sequencer.cli.fixture.Switches.failIfOn");
    }

    @Test
    void migrateUnderTheCommandStrategyAppliesMigrationsOnly() {
        CliRunner.Result result = cli.run("migrate");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines()).hasSize(3);
        assertThat(result.out())
                .contains(line("migration", CREATE_ITEMS, "applied"))
                .contains(line("migration", CREATE_NOTES, "applied"))
                .contains("2 migrations, 0 operations in ")
                .doesNotContain("operation  ");
        assertThat(db.count("select count(*) from items")).isZero();
    }

    @Test
    void migrateUnderTheMigrationStrategyRunsOperationsInterleaved() {
        CliRunner.Result result = cli.run("migrate", "-Dsequencer.strategy=migration");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> names = result.out().lines().map(l -> l.split(" +")[1]).toList();
        assertThat(names).startsWith("V20240101000000", INSERT_ITEMS, "V20240103000000", WRITE_NOTE);
        assertThat(result.out()).contains("2 migrations, 6 operations (1 skipped, 2 dispatched) in ");
    }

    @Test
    void aFailingMigrationIsPrintedAndExitsWithOne() {
        CliRunner.Result result = cli.run("migrate", "-Dsequencer.flyway.locations=classpath:db/broken");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).startsWith(line("migration", "V1 broken", "failed"));
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err())
                .startsWith("error: Failed to execute script V1__broken.sql")
                .contains("NOWHERE");
    }

    /** The start of a step line, as far as the outcome. */
    static String line(String kind, String name, String outcome) {
        return String.format("%-9s  %-" + StepFormat.NAME_WIDTH + "s  %s", kind, name, outcome);
    }

    private Map<String, Long> rowCounts() {
        return Stream.of(
                        "items",
                        "notes",
                        "outbox",
                        "switches",
                        "sequencer_operations",
                        "sequencer_operation_errors",
                        "\"flyway_schema_history\"")
                .collect(Collectors.toMap(Function.identity(), t -> db.count("select count(*) from " + t)));
    }
}
