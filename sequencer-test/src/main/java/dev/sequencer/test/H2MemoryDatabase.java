package dev.sequencer.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A private in-memory H2 database with a unique name. It lives until {@link #close()} shuts it down, whichever
 * connections are open or closed meanwhile.
 */
final class H2MemoryDatabase implements TestDatabase {

    private final String name;
    private final JdbcDataSource dataSource;

    H2MemoryDatabase(String name) {
        this.name = name;
        this.dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String description() {
        return "H2 in-memory database " + name;
    }

    @Override
    public void close() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("shutdown");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot shut down the " + description() + ": " + e.getMessage(), e);
        }
    }
}
