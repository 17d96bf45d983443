package dev.sequencer.example;

import static dev.sequencer.test.SequencerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.RunReport.Outcome;
import dev.sequencer.Sequencer;
import dev.sequencer.example.operations.NormalizeEmails;
import dev.sequencer.test.Operations;
import dev.sequencer.test.SequencerTest;
import dev.sequencer.test.Workers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The shop's operations, tested with the test kit: each test on a fresh, migrated H2 database. */
@SequencerTest
class ShopOperationsTest {

    @Test
    void processRunsEveryOperationOnceAndTheWorkerSendsTheWelcomeEmails(Sequencer sequencer, DataSource db)
            throws SQLException {
        sequencer.process();

        assertThat(sequencer)
                .hasCompleted(
                        "2024_01_02_000000_import_legacy_customers",
                        "2024_01_04_000000_backfill_loyalty_tier",
                        "2024_01_05_000000_normalize_emails")
                .hasDispatched("2024_01_06_000000_queue_welcome_emails")
                .hasNothingPending();
        assertThat(count(db, "select count(*) from customers where tier = 'bronze'"))
                .isEqualTo(3);

        Workers.drain(sequencer); // runs the dispatched operation now

        assertThat(sequencer).hasCompleted("2024_01_06_000000_queue_welcome_emails");
        assertThat(count(db, "select count(*) from outbox where template = 'welcome'"))
                .isEqualTo(3);
    }

    @Test
    void normalizeEmailsLowerCasesTheAddresses(DataSource db) throws SQLException {
        execute(db, "insert into customers (id, email, name) values (1, 'Ada@Example.com', 'Ada')");

        assertThat(Operations.runOnce(db, new NormalizeEmails())).isEqualTo(Outcome.COMPLETED);

        assertThat(count(db, "select count(*) from customers where email = 'ada@example.com'"))
                .isEqualTo(1);
    }

    @Test
    void normalizeEmailsIsSkippedWhenEveryAddressIsLowerCase(DataSource db) throws SQLException {
        execute(db, "insert into customers (id, email, name) values (1, 'ada@example.com', 'Ada')");

        assertThat(Operations.runOnce(db, new NormalizeEmails())).isEqualTo(Outcome.SKIPPED);
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
