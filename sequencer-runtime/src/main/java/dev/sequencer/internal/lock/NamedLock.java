package dev.sequencer.internal.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** A MySQL / MariaDB named lock ({@code GET_LOCK}). */
final class NamedLock extends SequencerLock {

    private final String lockKey;

    NamedLock(Connection connection, String name) {
        super(connection, name);
        this.lockKey = "dev.sequencer." + name;
    }

    @Override
    protected boolean tryAcquire(Duration wait) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select get_lock(?, ?)")) {
            ps.setString(1, lockKey);
            int seconds = wait.toMillis() >= 1000 ? 1 : 0; // short waits keep the deadline honest
            ps.setInt(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    return true;
                }
            }
            if (seconds == 0) {
                pause(wait);
            }
            return false;
        }
    }

    @Override
    protected void release() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select release_lock(?)")) {
            ps.setString(1, lockKey);
            ps.executeQuery().close();
        }
    }

    @Override
    protected String describe() {
        return "GET_LOCK('" + lockKey + "')";
    }
}
