package dev.sequencer.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Table existence, asked on a connection of its own (never the caller's transaction). */
public final class Tables {

    private Tables() {}

    public static boolean exists(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String name : new String[] {table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs =
                        c.getMetaData().getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
