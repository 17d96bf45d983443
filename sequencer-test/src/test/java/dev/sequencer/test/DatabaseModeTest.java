package dev.sequencer.test;

import static dev.sequencer.test.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sequencer.Sequencer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Where the test's database is: in-memory H2 by default; with {@code sequencer.test.url} (the kit's CI runs set it
 * to PostgreSQL and MariaDB) a schema of its own on that server, where Flyway and Sequencer put their tables.
 */
@SequencerTest
class DatabaseModeTest {

    private static final Optional<String> SERVER_URL =
            TestDatabases.configuredUrl(Map.of(), key -> Optional.ofNullable(System.getProperty(key)), System.getenv());

    @Test
    void withoutAServerUrlTheDatabaseIsAnInMemoryH2DatabaseOfItsOwn(DataSource db) throws SQLException {
        assumeTrue(SERVER_URL.isEmpty(), "sequencer.test.url is set: the tests run on that server");

        try (Connection c = db.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            assertThat(c.getMetaData().getURL()).matches("jdbc:h2:mem:sequencer_test_[0-9a-f]{16}");
        }
    }

    @Test
    void withAServerUrlTheDatabaseIsANewSchemaOnThatServerHoldingEveryTable(Sequencer sequencer, DataSource db)
            throws SQLException {
        assumeTrue(SERVER_URL.isPresent(), "sequencer.test.url is not set: the tests run on H2");
        boolean postgres = SERVER_URL.get().startsWith("jdbc:postgresql:");

        sequencer.process();

        String schema;
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(postgres ? "select current_schema()" : "select database()")) {
            assertThat(c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT))
                    .isIn(postgres ? "postgresql" : "mariadb", postgres ? "postgresql" : "mysql");
            rs.next();
            schema = rs.getString(1);
        }
        assertThat(schema).matches("sequencer_test_[0-9a-f]{16}");
        assertThat(
                        count(
                                db,
                                "select count(*) from information_schema.tables where table_schema = '" + schema
                                        + "' and"
                                        + " lower(table_name) in ('accounts', 'flyway_schema_history', 'sequencer_operations')"))
                .isEqualTo(3);
    }
}
