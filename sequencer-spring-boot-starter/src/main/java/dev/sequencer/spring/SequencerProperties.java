package dev.sequencer.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sequencer's settings in {@code application.properties} or YAML, under {@code sequencer.*}: the keys of the library
 * (README, "Configuration") plus the starter's own ({@code process-on-startup}, {@code worker.enabled}). The defaults
 * are the library's; a test holds them equal.
 */
@ConfigurationProperties("sequencer")
public class SequencerProperties {

    /** JDBC URL of a database of Sequencer's own; when unset, Sequencer uses the application's DataSource. */
    private String url;

    /** User for sequencer.url. */
    private String user;

    /** Password for sequencer.url. */
    private String password;

    /** How operations run: "command" (explicitly, process()) or "migration" (during Boot's Flyway migrate). */
    private String strategy = "command";

    /** Under the command strategy, run process() once the application has started; a failure fails the start-up. */
    private boolean processOnStartup = false;

    /** Prefix of Sequencer's tables: letters, digits and underscores. */
    private String tablePrefix = "sequencer_";

    /** The environment matched by @Environments. */
    private String environment;

    /** "sequential", "transactional-batch" or "parallel". */
    private String orchestrator = "sequential";

    /** How long to wait for a database that is not reachable yet. */
    private Duration connectionTimeout = Duration.ofSeconds(30);

    /** Check the history against the registry before every run. */
    private boolean validateOnRun = true;

    /**
     * Flyway settings for a Sequencer with a database of its own (sequencer.url) or without Boot's Flyway
     * ("locations", "baseline-on-migrate", ...). On the application's DataSource, spring.flyway.* applies.
     */
    private final Map<String, String> flyway = new LinkedHashMap<>();

    private final Migration migration = new Migration();
    private final Lock lock = new Lock();
    private final Guard guard = new Guard();
    private final Async async = new Async();
    private final Validate validate = new Validate();
    private final Worker worker = new Worker();

    /** Options of the migration strategy. */
    public static class Migration {

        /** Run pending operations even when Flyway has no migration to apply. */
        private boolean runOnNoPendingMigrations = true;

        /** Run @Asynchronous operations inline, so that migrate returns only when all are done. */
        private boolean forceSync = false;

        public boolean isRunOnNoPendingMigrations() {
            return runOnNoPendingMigrations;
        }

        public void setRunOnNoPendingMigrations(boolean runOnNoPendingMigrations) {
            this.runOnNoPendingMigrations = runOnNoPendingMigrations;
        }

        public boolean isForceSync() {
            return forceSync;
        }

        public void setForceSync(boolean forceSync) {
            this.forceSync = forceSync;
        }
    }

    /** The Sequencer lock. */
    public static class Lock {

        /** How long a run waits for the Sequencer lock. */
        private Duration timeout = Duration.ofSeconds(60);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Where runs may proceed. */
    public static class Guard {

        /** When set, a run proceeds only on one of these host names. */
        private List<String> hostnames = new ArrayList<>();

        /** When set, a run proceeds only on an address inside one of these addresses or CIDR blocks. */
        private List<String> addresses = new ArrayList<>();

        public List<String> getHostnames() {
            return hostnames;
        }

        public void setHostnames(List<String> hostnames) {
            this.hostnames = hostnames;
        }

        public List<String> getAddresses() {
            return addresses;
        }

        public void setAddresses(List<String> addresses) {
            this.addresses = addresses;
        }
    }

    /** The asynchronous backend (db-scheduler). */
    public static class Async {

        /** Worker threads per JVM. */
        private int threads = 2;

        /** How often a worker looks for due tasks. */
        private Duration pollingInterval = Duration.ofSeconds(1);

        /** How often a worker reports that it is alive. */
        private Duration heartbeatInterval = Duration.ofSeconds(10);

        /** After how many missed heartbeats a worker's tasks are taken over (at least 4). */
        private int missedHeartbeats = 6;

        /** Dispatch every operation to the workers, @Asynchronous or not. */
        private boolean all = false;

        /** Delay between the attempts of a deferred task. */
        private Duration deferredRetryDelay = Duration.ofSeconds(10);

        /** How many times a task that fails without a recorded outcome is tried. */
        private int taskAttempts = 10;

        /** Delay before such a task is tried again. */
        private Duration taskRetryDelay = Duration.ofSeconds(30);

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public Duration getPollingInterval() {
            return pollingInterval;
        }

        public void setPollingInterval(Duration pollingInterval) {
            this.pollingInterval = pollingInterval;
        }

        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        public int getMissedHeartbeats() {
            return missedHeartbeats;
        }

        public void setMissedHeartbeats(int missedHeartbeats) {
            this.missedHeartbeats = missedHeartbeats;
        }

        public boolean isAll() {
            return all;
        }

        public void setAll(boolean all) {
            this.all = all;
        }

        public Duration getDeferredRetryDelay() {
            return deferredRetryDelay;
        }

        public void setDeferredRetryDelay(Duration deferredRetryDelay) {
            this.deferredRetryDelay = deferredRetryDelay;
        }

        public int getTaskAttempts() {
            return taskAttempts;
        }

        public void setTaskAttempts(int taskAttempts) {
            this.taskAttempts = taskAttempts;
        }

        public Duration getTaskRetryDelay() {
            return taskRetryDelay;
        }

        public void setTaskRetryDelay(Duration taskRetryDelay) {
            this.taskRetryDelay = taskRetryDelay;
        }
    }

    /** History validation. */
    public static class Validate {

        /** Name patterns (* as wildcard) of history rows that other applications sharing the database own. */
        private List<String> ignoreUnknown = new ArrayList<>();

        public List<String> getIgnoreUnknown() {
            return ignoreUnknown;
        }

        public void setIgnoreUnknown(List<String> ignoreUnknown) {
            this.ignoreUnknown = ignoreUnknown;
        }
    }

    /** The worker bean. */
    public static class Worker {

        /**
         * Run a worker in this application (started with it, stopped gracefully at shutdown). Default: when the
         * registry has @Asynchronous operations or @Deferred handlers, or sequencer.async.all is set.
         */
        private Boolean enabled;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public boolean isProcessOnStartup() {
        return processOnStartup;
    }

    public void setProcessOnStartup(boolean processOnStartup) {
        this.processOnStartup = processOnStartup;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getOrchestrator() {
        return orchestrator;
    }

    public void setOrchestrator(String orchestrator) {
        this.orchestrator = orchestrator;
    }

    public Duration getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public boolean isValidateOnRun() {
        return validateOnRun;
    }

    public void setValidateOnRun(boolean validateOnRun) {
        this.validateOnRun = validateOnRun;
    }

    public Map<String, String> getFlyway() {
        return flyway;
    }

    public Migration getMigration() {
        return migration;
    }

    public Lock getLock() {
        return lock;
    }

    public Guard getGuard() {
        return guard;
    }

    public Async getAsync() {
        return async;
    }

    public Validate getValidate() {
        return validate;
    }

    public Worker getWorker() {
        return worker;
    }
}
