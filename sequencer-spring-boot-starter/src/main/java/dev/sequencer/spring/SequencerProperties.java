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

        /**
         * Returns {@code runOnNoPendingMigrations}, described on its field.
         *
         * @return the value
         */
        public boolean isRunOnNoPendingMigrations() {
            return runOnNoPendingMigrations;
        }

        /**
         * Sets {@code runOnNoPendingMigrations}, described on its field.
         *
         * @param runOnNoPendingMigrations the new value
         */
        public void setRunOnNoPendingMigrations(boolean runOnNoPendingMigrations) {
            this.runOnNoPendingMigrations = runOnNoPendingMigrations;
        }

        /**
         * Returns {@code forceSync}, described on its field.
         *
         * @return the value
         */
        public boolean isForceSync() {
            return forceSync;
        }

        /**
         * Sets {@code forceSync}, described on its field.
         *
         * @param forceSync the new value
         */
        public void setForceSync(boolean forceSync) {
            this.forceSync = forceSync;
        }
    }

    /** The Sequencer lock. */
    public static class Lock {

        /** How long a run waits for the Sequencer lock. */
        private Duration timeout = Duration.ofSeconds(60);

        /**
         * Returns {@code timeout}, described on its field.
         *
         * @return the value
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets {@code timeout}, described on its field.
         *
         * @param timeout the new value
         */
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

        /**
         * Returns {@code hostnames}, described on its field.
         *
         * @return the value
         */
        public List<String> getHostnames() {
            return hostnames;
        }

        /**
         * Sets {@code hostnames}, described on its field.
         *
         * @param hostnames the new value
         */
        public void setHostnames(List<String> hostnames) {
            this.hostnames = hostnames;
        }

        /**
         * Returns {@code addresses}, described on its field.
         *
         * @return the value
         */
        public List<String> getAddresses() {
            return addresses;
        }

        /**
         * Sets {@code addresses}, described on its field.
         *
         * @param addresses the new value
         */
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

        /**
         * Returns {@code threads}, described on its field.
         *
         * @return the value
         */
        public int getThreads() {
            return threads;
        }

        /**
         * Sets {@code threads}, described on its field.
         *
         * @param threads the new value
         */
        public void setThreads(int threads) {
            this.threads = threads;
        }

        /**
         * Returns {@code pollingInterval}, described on its field.
         *
         * @return the value
         */
        public Duration getPollingInterval() {
            return pollingInterval;
        }

        /**
         * Sets {@code pollingInterval}, described on its field.
         *
         * @param pollingInterval the new value
         */
        public void setPollingInterval(Duration pollingInterval) {
            this.pollingInterval = pollingInterval;
        }

        /**
         * Returns {@code heartbeatInterval}, described on its field.
         *
         * @return the value
         */
        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        /**
         * Sets {@code heartbeatInterval}, described on its field.
         *
         * @param heartbeatInterval the new value
         */
        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        /**
         * Returns {@code missedHeartbeats}, described on its field.
         *
         * @return the value
         */
        public int getMissedHeartbeats() {
            return missedHeartbeats;
        }

        /**
         * Sets {@code missedHeartbeats}, described on its field.
         *
         * @param missedHeartbeats the new value
         */
        public void setMissedHeartbeats(int missedHeartbeats) {
            this.missedHeartbeats = missedHeartbeats;
        }

        /**
         * Returns {@code all}, described on its field.
         *
         * @return the value
         */
        public boolean isAll() {
            return all;
        }

        /**
         * Sets {@code all}, described on its field.
         *
         * @param all the new value
         */
        public void setAll(boolean all) {
            this.all = all;
        }

        /**
         * Returns {@code deferredRetryDelay}, described on its field.
         *
         * @return the value
         */
        public Duration getDeferredRetryDelay() {
            return deferredRetryDelay;
        }

        /**
         * Sets {@code deferredRetryDelay}, described on its field.
         *
         * @param deferredRetryDelay the new value
         */
        public void setDeferredRetryDelay(Duration deferredRetryDelay) {
            this.deferredRetryDelay = deferredRetryDelay;
        }

        /**
         * Returns {@code taskAttempts}, described on its field.
         *
         * @return the value
         */
        public int getTaskAttempts() {
            return taskAttempts;
        }

        /**
         * Sets {@code taskAttempts}, described on its field.
         *
         * @param taskAttempts the new value
         */
        public void setTaskAttempts(int taskAttempts) {
            this.taskAttempts = taskAttempts;
        }

        /**
         * Returns {@code taskRetryDelay}, described on its field.
         *
         * @return the value
         */
        public Duration getTaskRetryDelay() {
            return taskRetryDelay;
        }

        /**
         * Sets {@code taskRetryDelay}, described on its field.
         *
         * @param taskRetryDelay the new value
         */
        public void setTaskRetryDelay(Duration taskRetryDelay) {
            this.taskRetryDelay = taskRetryDelay;
        }
    }

    /** History validation. */
    public static class Validate {

        /** Name patterns (* as wildcard) of history rows that other applications sharing the database own. */
        private List<String> ignoreUnknown = new ArrayList<>();

        /**
         * Returns {@code ignoreUnknown}, described on its field.
         *
         * @return the value
         */
        public List<String> getIgnoreUnknown() {
            return ignoreUnknown;
        }

        /**
         * Sets {@code ignoreUnknown}, described on its field.
         *
         * @param ignoreUnknown the new value
         */
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

        /**
         * Returns {@code enabled}, described on its field.
         *
         * @return the value
         */
        public Boolean getEnabled() {
            return enabled;
        }

        /**
         * Sets {@code enabled}, described on its field.
         *
         * @param enabled the new value
         */
        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * Returns {@code url}, described on its field.
     *
     * @return the value
     */
    public String getUrl() {
        return url;
    }

    /**
     * Sets {@code url}, described on its field.
     *
     * @param url the new value
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /**
     * Returns {@code user}, described on its field.
     *
     * @return the value
     */
    public String getUser() {
        return user;
    }

    /**
     * Sets {@code user}, described on its field.
     *
     * @param user the new value
     */
    public void setUser(String user) {
        this.user = user;
    }

    /**
     * Returns {@code password}, described on its field.
     *
     * @return the value
     */
    public String getPassword() {
        return password;
    }

    /**
     * Sets {@code password}, described on its field.
     *
     * @param password the new value
     */
    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * Returns {@code strategy}, described on its field.
     *
     * @return the value
     */
    public String getStrategy() {
        return strategy;
    }

    /**
     * Sets {@code strategy}, described on its field.
     *
     * @param strategy the new value
     */
    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    /**
     * Returns {@code processOnStartup}, described on its field.
     *
     * @return the value
     */
    public boolean isProcessOnStartup() {
        return processOnStartup;
    }

    /**
     * Sets {@code processOnStartup}, described on its field.
     *
     * @param processOnStartup the new value
     */
    public void setProcessOnStartup(boolean processOnStartup) {
        this.processOnStartup = processOnStartup;
    }

    /**
     * Returns {@code tablePrefix}, described on its field.
     *
     * @return the value
     */
    public String getTablePrefix() {
        return tablePrefix;
    }

    /**
     * Sets {@code tablePrefix}, described on its field.
     *
     * @param tablePrefix the new value
     */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /**
     * Returns {@code environment}, described on its field.
     *
     * @return the value
     */
    public String getEnvironment() {
        return environment;
    }

    /**
     * Sets {@code environment}, described on its field.
     *
     * @param environment the new value
     */
    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    /**
     * Returns {@code orchestrator}, described on its field.
     *
     * @return the value
     */
    public String getOrchestrator() {
        return orchestrator;
    }

    /**
     * Sets {@code orchestrator}, described on its field.
     *
     * @param orchestrator the new value
     */
    public void setOrchestrator(String orchestrator) {
        this.orchestrator = orchestrator;
    }

    /**
     * Returns {@code connectionTimeout}, described on its field.
     *
     * @return the value
     */
    public Duration getConnectionTimeout() {
        return connectionTimeout;
    }

    /**
     * Sets {@code connectionTimeout}, described on its field.
     *
     * @param connectionTimeout the new value
     */
    public void setConnectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    /**
     * Returns {@code validateOnRun}, described on its field.
     *
     * @return the value
     */
    public boolean isValidateOnRun() {
        return validateOnRun;
    }

    /**
     * Sets {@code validateOnRun}, described on its field.
     *
     * @param validateOnRun the new value
     */
    public void setValidateOnRun(boolean validateOnRun) {
        this.validateOnRun = validateOnRun;
    }

    /**
     * Returns {@code flyway}, described on its field.
     *
     * @return the value
     */
    public Map<String, String> getFlyway() {
        return flyway;
    }

    /**
     * Returns {@code migration}, described on its field.
     *
     * @return the value
     */
    public Migration getMigration() {
        return migration;
    }

    /**
     * Returns {@code lock}, described on its field.
     *
     * @return the value
     */
    public Lock getLock() {
        return lock;
    }

    /**
     * Returns {@code guard}, described on its field.
     *
     * @return the value
     */
    public Guard getGuard() {
        return guard;
    }

    /**
     * Returns {@code async}, described on its field.
     *
     * @return the value
     */
    public Async getAsync() {
        return async;
    }

    /**
     * Returns {@code validate}, described on its field.
     *
     * @return the value
     */
    public Validate getValidate() {
        return validate;
    }

    /**
     * Returns {@code worker}, described on its field.
     *
     * @return the value
     */
    public Worker getWorker() {
        return worker;
    }
}
