package dev.sequencer.internal.config;

import java.util.List;

/** The configuration keys (README, "Configuration"), in one place. */
public final class SettingKeys {

    public static final String URL = "sequencer.url";
    public static final String USER = "sequencer.user";
    public static final String PASSWORD = "sequencer.password";
    public static final String STRATEGY = "sequencer.strategy";
    public static final String RUN_ON_NO_PENDING_MIGRATIONS = "sequencer.migration.run-on-no-pending-migrations";
    public static final String FORCE_SYNC = "sequencer.migration.force-sync";
    public static final String FLYWAY_LOCATIONS = "sequencer.flyway.locations";
    public static final String FLYWAY_PREFIX = "sequencer.flyway.";
    public static final String TABLE_PREFIX = "sequencer.table-prefix";
    public static final String LOCK_TIMEOUT = "sequencer.lock.timeout";
    public static final String ENVIRONMENT = "sequencer.environment";
    public static final String GUARD_HOSTNAMES = "sequencer.guard.hostnames";
    public static final String GUARD_ADDRESSES = "sequencer.guard.addresses";
    public static final String ORCHESTRATOR = "sequencer.orchestrator";
    public static final String ORCHESTRATOR_THREADS = "sequencer.orchestrator.threads";
    public static final String ASYNC_THREADS = "sequencer.async.threads";
    public static final String ASYNC_POLLING_INTERVAL = "sequencer.async.polling-interval";
    public static final String ASYNC_HEARTBEAT_INTERVAL = "sequencer.async.heartbeat-interval";
    public static final String ASYNC_MISSED_HEARTBEATS = "sequencer.async.missed-heartbeats";
    public static final String ASYNC_ALL = "sequencer.async.all";
    public static final String ASYNC_DEFERRED_RETRY_DELAY = "sequencer.async.deferred-retry-delay";
    public static final String ASYNC_TASK_ATTEMPTS = "sequencer.async.task-attempts";
    public static final String ASYNC_TASK_RETRY_DELAY = "sequencer.async.task-retry-delay";
    public static final String CONNECTION_TIMEOUT = "sequencer.connection-timeout";
    public static final String VALIDATE_ON_RUN = "sequencer.validate-on-run";
    public static final String VALIDATE_IGNORE_UNKNOWN = "sequencer.validate.ignore-unknown";

    /** The test kit's family ({@code sequencer.test.url}, ...): read by the test kit, never by the runtime. */
    public static final String TEST_PREFIX = "sequencer.test.";

    /** Every key above except the {@code sequencer.flyway.*} pass-through and {@code sequencer.test.*} families. */
    public static final List<String> ALL = List.of(
            URL,
            USER,
            PASSWORD,
            STRATEGY,
            RUN_ON_NO_PENDING_MIGRATIONS,
            FORCE_SYNC,
            FLYWAY_LOCATIONS,
            TABLE_PREFIX,
            LOCK_TIMEOUT,
            ENVIRONMENT,
            GUARD_HOSTNAMES,
            GUARD_ADDRESSES,
            ORCHESTRATOR,
            ORCHESTRATOR_THREADS,
            ASYNC_THREADS,
            ASYNC_POLLING_INTERVAL,
            ASYNC_HEARTBEAT_INTERVAL,
            ASYNC_MISSED_HEARTBEATS,
            ASYNC_ALL,
            ASYNC_DEFERRED_RETRY_DELAY,
            ASYNC_TASK_ATTEMPTS,
            ASYNC_TASK_RETRY_DELAY,
            CONNECTION_TIMEOUT,
            VALIDATE_ON_RUN,
            VALIDATE_IGNORE_UNKNOWN);

    private SettingKeys() {}
}
