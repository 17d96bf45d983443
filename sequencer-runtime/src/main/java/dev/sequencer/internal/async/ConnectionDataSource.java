package dev.sequencer.internal.async;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource over one open connection whose transaction belongs to the caller: {@code close}, {@code commit},
 * {@code rollback} and {@code setAutoCommit} through it do nothing, so db-scheduler's {@code SchedulerClient} writes
 * its task inside our transaction and we commit or roll back both the task and our own rows together.
 */
final class ConnectionDataSource implements DataSource {

    private final Connection guarded;

    ConnectionDataSource(Connection connection) {
        this.guarded = (Connection) Proxy.newProxyInstance(
                ConnectionDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "close", "commit", "rollback", "setAutoCommit" -> {
                            return null;
                        }
                        case "isClosed" -> {
                            return false;
                        }
                        default -> {
                            try {
                                return m.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    @Override
    public Connection getConnection() {
        return guarded;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return guarded;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
