package dev.sequencer.internal.async;

import dev.sequencer.internal.config.PlainDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A DataSource over one open connection whose transaction belongs to the caller: {@code close}, {@code commit},
 * {@code rollback} and {@code setAutoCommit} through it do nothing, so db-scheduler's {@code SchedulerClient} writes
 * its task inside our transaction and we commit or roll back both the task and our own rows together.
 */
final class ConnectionDataSource extends PlainDataSource {

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
}
