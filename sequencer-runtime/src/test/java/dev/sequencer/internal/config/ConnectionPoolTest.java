package dev.sequencer.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pool Sequencer builds from {@code sequencer.url}, on a real H2 database. */
class ConnectionPoolTest {

    @Test
    void aUrlOfAKnownDriverConnectsThroughItAndAnyOtherThroughDriverManager() throws Exception {
        try (Connection c = JdbcDrivers.connect("jdbc:h2:mem:" + UUID.randomUUID(), new Properties())) {
            assertTrue(c.isValid(1));
        }
        SQLException e = assertThrows(
                SQLException.class, () -> JdbcDrivers.connect("jdbc:nosuchdb://localhost/x", new Properties()));
        assertTrue(e.getMessage().contains("No suitable driver"), e.getMessage());
    }

    @Test
    void theConnectionThatProbedTheDatabaseBecomesThePoolsFirst() throws Exception {
        // reusedProbe() is the check; the table read back through a second borrow shows the pool works on the
        // database the probe opened.
        String url = "jdbc:h2:mem:" + UUID.randomUUID();
        try (ConnectionPool pool = ConnectionPool.create(SequencerSettings.from(Map.of("sequencer.url", url)))) {
            assertFalse(pool.reusedProbe(), "nothing connects before first use");
            try (Connection c = pool.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create table kept(id int)");
            }
            assertTrue(pool.reusedProbe());
            try (Connection c = pool.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from kept")) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        }
    }
}
