package dev.sequencer.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The bound {@link SequencerProperties} as the runtime's configuration keys, for {@code Sequencer.configure()
 * .properties(...)}: the runtime validates them (strategy, table prefix, durations) and names the key at fault.
 */
final class RuntimeProperties {

    /** Not a field of {@link SequencerProperties}: {@code sequencer.orchestrator} is a value and a prefix at once. */
    static final String ORCHESTRATOR_THREADS = "sequencer.orchestrator.threads";

    private RuntimeProperties() {}

    static Map<String, String> of(SequencerProperties p, Binder binder) {
        Map<String, String> keys = new LinkedHashMap<>();
        put(keys, "sequencer.url", p.getUrl());
        put(keys, "sequencer.user", p.getUser());
        put(keys, "sequencer.password", p.getPassword());
        put(keys, "sequencer.strategy", p.getStrategy());
        put(keys, "sequencer.table-prefix", p.getTablePrefix());
        put(keys, "sequencer.environment", p.getEnvironment());
        put(keys, "sequencer.orchestrator", p.getOrchestrator());
        binder.bind(ORCHESTRATOR_THREADS, Integer.class)
                .ifBound(threads -> keys.put(ORCHESTRATOR_THREADS, threads.toString()));
        put(keys, "sequencer.connection-timeout", p.getConnectionTimeout());
        put(keys, "sequencer.validate-on-run", p.isValidateOnRun());
        put(keys, "sequencer.validate.ignore-unknown", p.getValidate().getIgnoreUnknown());
        put(
                keys,
                "sequencer.migration.run-on-no-pending-migrations",
                p.getMigration().isRunOnNoPendingMigrations());
        put(keys, "sequencer.migration.force-sync", p.getMigration().isForceSync());
        put(keys, "sequencer.lock.timeout", p.getLock().getTimeout());
        put(keys, "sequencer.guard.hostnames", p.getGuard().getHostnames());
        put(keys, "sequencer.guard.addresses", p.getGuard().getAddresses());
        SequencerProperties.Async async = p.getAsync();
        put(keys, "sequencer.async.threads", async.getThreads());
        put(keys, "sequencer.async.polling-interval", async.getPollingInterval());
        put(keys, "sequencer.async.heartbeat-interval", async.getHeartbeatInterval());
        put(keys, "sequencer.async.missed-heartbeats", async.getMissedHeartbeats());
        put(keys, "sequencer.async.all", async.isAll());
        put(keys, "sequencer.async.deferred-retry-delay", async.getDeferredRetryDelay());
        put(keys, "sequencer.async.task-attempts", async.getTaskAttempts());
        put(keys, "sequencer.async.task-retry-delay", async.getTaskRetryDelay());
        p.getFlyway().forEach((key, value) -> put(keys, "sequencer.flyway." + key, value));
        return keys;
    }

    private static void put(Map<String, String> keys, String key, Object value) {
        if (value == null) {
            return;
        }
        String text;
        if (value instanceof Duration duration) {
            text = duration.toMillis() + "ms";
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return;
            }
            text = String.join(",", list.stream().map(String::valueOf).toList());
        } else {
            text = value.toString();
        }
        keys.put(key, text);
    }
}
