package dev.sequencer.internal.lock;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;

/** A PostgreSQL session-level advisory lock. */
final class AdvisoryLock extends SequencerLock {

    private final long key;

    AdvisoryLock(Connection connection, String name) {
        super(connection, name);
        CRC32 crc = new CRC32();
        crc.update(("dev.sequencer:" + name).getBytes(StandardCharsets.UTF_8));
        // A fixed high word keeps the key apart from Flyway's own advisory lock keys.
        this.key = (0x5E9CL << 32) | crc.getValue();
    }

    @Override
    protected boolean tryAcquire(Duration wait) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return true;
                }
            }
        }
        pause(wait);
        return false;
    }

    @Override
    protected void release() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
    }

    @Override
    protected String describe() {
        return "PostgreSQL advisory lock " + key;
    }
}
