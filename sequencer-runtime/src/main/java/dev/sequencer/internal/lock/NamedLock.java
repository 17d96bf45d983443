package dev.sequencer.internal.lock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A MySQL / MariaDB named lock ({@code GET_LOCK}). Lock names are server-wide, so the key names the database as well
 * ({@code dev.sequencer.<database>.<lock>}): applications on two databases of one server do not wait for each other,
 * as they do not on PostgreSQL, whose advisory locks are per database. A key longer than the server's limit of 64
 * characters is replaced by a digest of it.
 */
final class NamedLock extends SequencerLock {

    static final int MAX_KEY_LENGTH = 64;

    private final String lockKey;

    NamedLock(Connection connection, String name) throws SQLException {
        super(connection, name);
        this.lockKey = key(connection.getCatalog(), name);
    }

    static String key(String database, String name) {
        String key = "dev.sequencer." + (database == null ? "" : database) + "." + name;
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "dev.sequencer." + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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
