package dev.sequencer.support;

import dev.sequencer.internal.config.PlainDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unpooled connections to a URL; while {@link #armed} is set, {@code commit()} fails on a connection that has written
 * to {@code marker} (for example db-scheduler's table), after the write and before the commit. {@link #armOnce()}
 * fails only the next such commit.
 */
public final class CommitFailingDataSource extends PlainDataSource {

    private final String url;
    private final String marker;
    public final AtomicBoolean armed = new AtomicBoolean();
    /** How many commits of connections that had written to the marker table went through. */
    public final AtomicInteger markedCommits = new AtomicInteger();

    private final AtomicBoolean once = new AtomicBoolean();

    public CommitFailingDataSource(String url, String marker) {
        this.url = url;
        this.marker = marker.toLowerCase(Locale.ROOT);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = DriverManager.getConnection(url);
        boolean[] wrote = {false};
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                    if (m.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        String s = sql.toLowerCase(Locale.ROOT);
                        if (s.startsWith("insert") && s.contains(marker)) {
                            wrote[0] = true;
                        }
                    }
                    if (m.getName().equals("commit") && wrote[0] && armed.get()) {
                        if (once.get()) {
                            armed.set(false);
                        }
                        throw new SQLException("forced failure before commit (test)");
                    }
                    if (m.getName().equals("commit") && wrote[0]) {
                        markedCommits.incrementAndGet();
                    }
                    if (m.getName().equals("commit") || m.getName().equals("rollback")) {
                        wrote[0] = false;
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Fails the next commit of a connection that wrote to the marker table, and only that one. */
    public void armOnce() {
        once.set(true);
        armed.set(true);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }
}
