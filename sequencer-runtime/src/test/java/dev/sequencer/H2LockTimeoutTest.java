package dev.sequencer;

import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sequencer.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On H2 the Sequencer lock shortens the lock timeout of its connection while it tries; the connection must go back to
 * the application's pool with its own timeout, or the application's next transactions there would give up on row
 * locks after a second.
 */
class H2LockTimeoutTest {

    @Test
    void theLockConnectionGoesBackToThePoolWithItsOwnLockTimeout() throws SQLException {
        TestDatabase db = TestDatabase.h2();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setMaximumPoolSize(6);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            List<String> before = lockTimeouts(pool);
            try (Sequencer sequencer = over(db, "basic", List.of(op("2024_01_01_000000", "one", () -> c -> {})))
                    .dataSource(pool)
                    .load()) {
                sequencer.process();
                sequencer.process();
            }
            assertEquals(before, lockTimeouts(pool));
        }
    }

    /** The LOCK_TIMEOUT of each of the pool's six connections, borrowed at once. */
    private static List<String> lockTimeouts(HikariDataSource pool) throws SQLException {
        List<Connection> borrowed = new ArrayList<>();
        List<String> timeouts = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Connection c = pool.getConnection();
                borrowed.add(c);
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select lock_timeout()")) {
                    rs.next();
                    timeouts.add(rs.getString(1));
                }
            }
        } finally {
            for (Connection c : borrowed) {
                c.close();
            }
        }
        return timeouts;
    }
}
