package dev.sequencer.internal.config;

import dev.sequencer.ConnectionFailedException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells the connection errors that retrying cannot fix (authentication, unknown database, nothing listening, no
 * driver) from transient ones, and words them for the user: the database's own reason and the key to check.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {}

    /** The key to check for a failure that retrying cannot fix, or {@code null} when it may be transient. */
    public static String permanentKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return SettingKeys.URL;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                if (state.startsWith("28")) { // invalid authorization specification
                    return message.contains("role") && message.contains("does not exist")
                            ? SettingKeys.USER
                            : SettingKeys.PASSWORD;
                }
                if (state.equals("3D000") // PostgreSQL: invalid catalog name
                        || sql.getErrorCode() == 1049 // MySQL, MariaDB: unknown database
                        || sql.getErrorCode() == 90146 // H2: database not found
                        || message.contains("connection refused")
                        || message.contains("no suitable driver")) {
                    return SettingKeys.URL;
                }
            }
        }
        return null;
    }

    /** A failure to reach the database at {@code url}, naming {@code key} and the database's reason. */
    public static ConnectionFailedException failed(String url, String key, SQLException e) {
        String check = switch (key) {
            case SettingKeys.USER, SettingKeys.PASSWORD -> "check " + SettingKeys.USER + " and " + SettingKeys.PASSWORD;
            case SettingKeys.URL ->
                "check " + SettingKeys.URL + " (host, port, database name) and that the database"
                        + " is running"
                        + (reason(e).toLowerCase(Locale.ROOT).contains("no suitable driver")
                                ? "; put the database's JDBC driver on the class path"
                                : "");
            default -> "check that the database is running and reachable, or raise " + key;
        };
        return new ConnectionFailedException(
                key,
                "Cannot connect to the database " + JdbcUrls.redact(url) + ": " + reason(e) + " (" + check + ")",
                e);
    }

    /** The database's message with its SQL state, and the network error behind it if there is one. */
    static String reason(SQLException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        StringBuilder reason = new StringBuilder(message);
        if (e.getSQLState() != null) {
            reason.append(" [SQLState ").append(e.getSQLState()).append(']');
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                reason.append(" (")
                        .append(t.getClass().getSimpleName())
                        .append(": ")
                        .append(t.getMessage())
                        .append(')');
                break;
            }
        }
        return reason.toString();
    }
}
