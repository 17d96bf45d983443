package dev.sequencer.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.Sequencer;
import dev.sequencer.cli.SequencerCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example end to end: real processor output, real Flyway, real H2. */
class ExampleAppTest {

    @TempDir
    Path dir;

    private String run(String url, String strategy) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Sequencer sequencer = Sequencer.configure()
                .property("sequencer.url", url)
                .property("sequencer.strategy", strategy)
                .registry(GeneratedSequencer.registry())
                .load()) {
            ExampleApp.run(sequencer, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theProcessorGeneratedAnOrderedRegistryOfTheExampleOperations() {
        assertEquals(
                List.of(
                        "2024_01_02_000000_import_legacy_customers",
                        "2024_01_04_000000_backfill_loyalty_tier",
                        "2024_01_05_000000_normalize_emails",
                        "2024_01_06_000000_queue_welcome_emails",
                        "2024_01_08_000000_backfill_order_totals"),
                GeneratedSequencer.registry().stream()
                        .map(OperationDescriptor::name)
                        .toList());
    }

    @Test
    void theRegistryIsListedForServiceLoaderSoSeveralModulesCanBeCombined() {
        try (Sequencer sequencer = Sequencer.configure()
                .property("sequencer.url", "jdbc:h2:mem:discovery")
                .discoverRegistries()
                .load()) {
            assertEquals(GeneratedSequencer.registry(), sequencer.registry());
        }
    }

    @Test
    void commandStrategyRunsEverythingOnceThenReportsNothingPending() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("shop");

        String first = run(url, "command");
        String second = run(url, "command");

        assertTrue(first.contains("2024_01_02_000000_import_legacy_customers     completed"), first);
        assertTrue(first.contains("2024_01_05_000000_normalize_emails            completed"), first);
        assertTrue(first.contains("2024_01_06_000000_queue_welcome_emails        dispatched"), first);
        assertTrue(
                first.contains("worker:\n  operation 2024_01_06_000000_queue_welcome_emails        completed"), first);
        assertTrue(second.contains("Nothing pending"), second);
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from customers where tier = 'bronze'" + " and email = lower(email)")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from outbox where template = 'welcome'")) {
            rs.next();
            assertEquals(3, rs.getInt(1), "the asynchronous operation ran once");
        }
        assertTrue(
                first.contains("2024_01_08_000000_backfill_order_totals       dispatched (10 of 10 partitions)"),
                first);
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from orders where total = quantity * unit_price")) {
            rs.next();
            assertEquals(5000, rs.getInt(1), "the partitioned backfill filled every order");
        }
    }

    @Test
    void migrationStrategyInterleavesOperationsWithMigrationsInOneMigrate() {
        String url = "jdbc:h2:file:" + dir.resolve("shop-migration");

        String out = run(url, "migration");

        int users = out.indexOf("V20240101000000 create customers");
        int importOp = out.indexOf("2024_01_02_000000_import_legacy_customers");
        int tier = out.indexOf("V20240103000000 add loyalty tier");
        int backfill = out.indexOf("2024_01_04_000000_backfill_loyalty_tier");
        assertTrue(0 <= users && users < importOp && importOp < tier && tier < backfill, out);
        assertTrue(out.contains("process(): nothing to do"), out);
    }

    @Test
    void theCommandLineRunsTheShopsOperationsFromTheRegistryItDiscovers() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("shop-cli");

        int processed = SequencerCli.run("process", "--sync", "--url", url);
        int again = SequencerCli.run("process", "--url", url);

        assertEquals(0, processed);
        assertEquals(0, again);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); // the example's sequencer.properties
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from sequencer_operations where state = 'completed'")) {
            rs.next();
            assertEquals(5, rs.getInt(1), "each of the five operations ran once");
        }
    }
}
