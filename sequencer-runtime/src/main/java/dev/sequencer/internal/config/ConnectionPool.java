package dev.sequencer.internal.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The HikariCP pool Sequencer creates from {@code sequencer.url} when no DataSource is given. */
public final class ConnectionPool {

    private ConnectionPool() {}

    /** A pool that connects on first use, so that nothing touches the database before validation is over. */
    public static HikariDataSource create(SequencerSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sequencer");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(Math.max(10, settings.orchestratorThreads() + settings.asyncThreads() + 4));
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
