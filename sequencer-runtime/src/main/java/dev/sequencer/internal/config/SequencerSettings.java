package dev.sequencer.internal.config;

import static dev.sequencer.internal.config.SettingKeys.*;

import dev.sequencer.ConfigurationException;
import dev.sequencer.ExecutionStrategy;
import dev.sequencer.internal.message.RuntimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validated settings. Built from a map of {@code sequencer.*} keys; every problem is a {@link ConfigurationException}
 * naming the key, raised before anything touches the database.
 */
public record SequencerSettings(
        String url,
        String user,
        String password,
        String strategy,
        boolean runOnNoPendingMigrations,
        boolean forceSync,
        List<String> flywayLocations,
        Map<String, String> flywayProperties,
        String tablePrefix,
        Duration lockTimeout,
        String environment,
        List<String> guardHostnames,
        List<String> guardAddresses,
        String orchestrator,
        int orchestratorThreads,
        int asyncThreads,
        Duration asyncPollingInterval,
        Duration asyncHeartbeatInterval,
        int asyncMissedHeartbeats,
        boolean asyncAll,
        Duration deferredRetryDelay,
        int asyncTaskAttempts,
        Duration asyncTaskRetryDelay,
        Duration connectionTimeout,
        boolean validateOnRun,
        List<String> validateIgnoreUnknown) {

    private static final Logger LOG = LoggerFactory.getLogger(SequencerSettings.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");
    public static final List<String> ORCHESTRATORS = List.of("sequential", "transactional-batch", "parallel");

    /** Validates {@code values}; unknown {@code sequencer.*} keys are logged as likely typos. */
    public static SequencerSettings from(Map<String, String> values) {
        Map<String, String> v = new TreeMap<>(values);
        for (String key : v.keySet()) {
            if (!ALL.contains(key) && !key.startsWith(FLYWAY_PREFIX) && !key.startsWith(TEST_PREFIX)) {
                LOG.warn(
                        "Unknown configuration key {} is ignored{}",
                        key,
                        ClosestKey.among(key, ALL)
                                .map(k -> "; did you mean " + k + "?")
                                .orElse("; known keys: " + ALL));
            }
        }
        String strategy =
                ExecutionStrategy.named(v.getOrDefault(STRATEGY, "command")).name();
        String prefix = v.getOrDefault(TABLE_PREFIX, "sequencer_");
        if (!IDENTIFIER.matcher(prefix).matches()) {
            throw new ConfigurationException(
                    TABLE_PREFIX, RuntimeMessage.NOT_AN_IDENTIFIER.format(TABLE_PREFIX, prefix));
        }
        String orchestrator = v.getOrDefault(ORCHESTRATOR, "sequential");
        if (!ORCHESTRATORS.contains(orchestrator)) {
            throw new ConfigurationException(
                    ORCHESTRATOR,
                    ORCHESTRATOR + " is '" + orchestrator + "'; use one of " + String.join(", ", ORCHESTRATORS));
        }
        Map<String, String> flyway = new TreeMap<>();
        Map<String, String> sequencerKeyOf = new TreeMap<>();
        for (Map.Entry<String, String> e : v.entrySet()) {
            if (e.getKey().startsWith(FLYWAY_PREFIX) && !e.getKey().equals(FLYWAY_LOCATIONS)) {
                String flywayKey = FlywayKeys.toFlyway(e.getKey());
                flyway.put(flywayKey, e.getValue());
                sequencerKeyOf.put(flywayKey, e.getKey());
            }
        }
        FlywayKeys.check(flyway, sequencerKeyOf);
        return new SequencerSettings(
                blankToNull(v.get(URL)),
                blankToNull(v.get(USER)),
                v.get(PASSWORD),
                strategy,
                bool(v, RUN_ON_NO_PENDING_MIGRATIONS, true),
                bool(v, FORCE_SYNC, false),
                list(v.getOrDefault(FLYWAY_LOCATIONS, "classpath:db/migration")),
                Map.copyOf(flyway),
                prefix,
                duration(v, LOCK_TIMEOUT, Duration.ofSeconds(60)),
                blankToNull(v.get(ENVIRONMENT)),
                list(v.getOrDefault(GUARD_HOSTNAMES, "")),
                list(v.getOrDefault(GUARD_ADDRESSES, "")),
                orchestrator,
                positiveInt(v, ORCHESTRATOR_THREADS, 4),
                positiveInt(v, ASYNC_THREADS, 2),
                duration(v, ASYNC_POLLING_INTERVAL, Duration.ofSeconds(1)),
                duration(v, ASYNC_HEARTBEAT_INTERVAL, Duration.ofSeconds(10)),
                atLeast(v, ASYNC_MISSED_HEARTBEATS, 6, 4, "db-scheduler declares a worker dead after at least 4"),
                bool(v, ASYNC_ALL, false),
                duration(v, ASYNC_DEFERRED_RETRY_DELAY, Duration.ofSeconds(10)),
                positiveInt(v, ASYNC_TASK_ATTEMPTS, 10),
                duration(v, ASYNC_TASK_RETRY_DELAY, Duration.ofSeconds(30)),
                duration(v, CONNECTION_TIMEOUT, Duration.ofSeconds(30)),
                bool(v, VALIDATE_ON_RUN, true),
                list(v.getOrDefault(VALIDATE_IGNORE_UNKNOWN, "")));
    }

    /** The defaults, with no URL. */
    public static SequencerSettings defaults() {
        return from(Map.of());
    }

    @Override
    public String toString() {
        // Never print the password or a URL that might carry credentials.
        return "SequencerSettings[strategy=" + strategy + ", tablePrefix=" + tablePrefix + ", lockTimeout="
                + Durations.format(lockTimeout) + ", flywayLocations=" + flywayLocations + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.split(","))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .toList();
    }

    private static boolean bool(Map<String, String> v, String key, boolean dflt) {
        String s = v.get(key);
        if (s == null || s.isBlank()) {
            return dflt;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigurationException(key, key + " is '" + s + "'; use true or false");
    }

    private static Duration duration(Map<String, String> v, String key, Duration dflt) {
        String s = v.get(key);
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            Duration d = Durations.parse(s);
            if (d.isNegative()) {
                throw new IllegalArgumentException("'" + s + "' is negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key, key + ": " + e.getMessage());
        }
    }

    private static int atLeast(Map<String, String> v, String key, int dflt, int minimum, String why) {
        int n = positiveInt(v, key, dflt);
        if (n < minimum) {
            throw new ConfigurationException(key, key + " is " + n + "; use " + minimum + " or more (" + why + ")");
        }
        return n;
    }

    private static int positiveInt(Map<String, String> v, String key, int dflt) {
        String s = v.get(key);
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new ConfigurationException(key, key + " is '" + s + "'; use a whole number above 0");
    }
}
