package dev.sequencer.cli;

import static dev.sequencer.cli.FixtureNames.BACKFILL;
import static dev.sequencer.cli.FixtureNames.CREATE_ITEMS;
import static dev.sequencer.cli.FixtureNames.INSERT_ITEMS;
import static dev.sequencer.cli.FixtureNames.SEND_MAIL;
import static dev.sequencer.cli.FixtureNames.SKIP_ARCHIVE;
import static dev.sequencer.cli.FixtureNames.WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code info} (alias {@code status}) on H2: the aligned table and the JSON document. */
class CliInfoTest {

    private final CliDatabase db = CliDatabase.h2();
    private final CliRunner cli = CliRunner.pipe().on(db);

    @Test
    void infoOfANewDatabaseListsEveryMigrationAndOperationPendingInAnAlignedTable() {
        CliRunner.Result result = cli.run("info");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("kind +name +state +when \\(UTC\\) +attempts +detail");
        assertThat(lines).hasSize(1 + 2 + 6);
        int stateColumn = lines.get(0).indexOf("state");
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line.substring(stateColumn)).startsWith("pending"));
        assertThat(lines.get(1)).startsWith("migration  " + CREATE_ITEMS);
        assertThat(lines.get(2)).startsWith("operation  " + INSERT_ITEMS);
    }

    @Test
    void infoAfterARunShowsStatesTimesAttemptsAndDetails() {
        cli.run("process");

        CliRunner.Result result = cli.run("info");

        assertThat(result.exitCode()).isZero();
        assertThat(row(result, CREATE_ITEMS)).contains("success");
        assertThat(row(result, INSERT_ITEMS)).matches(".*completed +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +1");
        assertThat(row(result, SKIP_ARCHIVE)).contains("skipped").endsWith("no archive to import");
        assertThat(row(result, SEND_MAIL)).contains("dispatched");
    }

    @Test
    void statusIsInfo() {
        cli.run("process");

        assertThat(cli.run("status").out()).isEqualTo(cli.run("info").out());
    }

    @Test
    void infoListsHistoryNamesNoRegistryKnowsAndLostAsynchronousWork() {
        cli.run("process");
        db.execute("update sequencer_operations set name = '2024_01_03_000000_old_note' where name = '" + WRITE_NOTE
                + "'");
        db.execute("delete from sequencer_scheduled_tasks");

        CliRunner.Result result = cli.run("info");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(row(result, "2024_01_03_000000_old_note")).contains(" unknown ");
        assertThat(row(result, SEND_MAIL)).contains(" lost ");
        assertThat(row(result, WRITE_NOTE)).contains(" pending");
    }

    @Test
    void infoJsonIsOneDocumentWithAnEntryPerMigrationAndOperationAndFixedFieldNames() throws Exception {
        cli.run("process", "--tags", "catalog");

        CliRunner.Result result = cli.run("info", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode document = new ObjectMapper().readTree(result.out());
        assertThat(document.isArray()).isTrue();
        assertThat(document).hasSize(2 + 6);
        for (JsonNode entry : document) {
            List<String> fields = new ArrayList<>();
            entry.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("kind", "name", "state", "time", "attempts", "detail");
        }
        JsonNode items = entry(document, INSERT_ITEMS);
        assertThat(items.get("kind").asText()).isEqualTo("operation");
        assertThat(items.get("state").asText()).isEqualTo("completed");
        assertThat(items.get("attempts").asInt()).isEqualTo(1);
        assertThat(items.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(entry(document, CREATE_ITEMS).get("kind").asText()).isEqualTo("migration");
        assertThat(entry(document, WRITE_NOTE).get("state").asText()).isEqualTo("pending");
        assertThat(entry(document, WRITE_NOTE).get("time").isNull()).isTrue();
        assertThat(entry(document, BACKFILL).get("detail").asText()).isEmpty();
        assertThat(result.err()).isEmpty();
    }

    private static String row(CliRunner.Result result, String name) {
        return result.out()
                .lines()
                .filter(line -> line.contains(" " + name + " ") || line.endsWith(" " + name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in\n" + result.out()));
    }

    private static JsonNode entry(JsonNode document, String name) {
        for (JsonNode entry : document) {
            if (entry.get("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError(name + " is not in " + document);
    }
}
