package dev.sequencer;

import dev.sequencer.internal.SequencerRuntime;
import dev.sequencer.internal.config.ConfigurationSource;
import dev.sequencer.internal.config.SequencerSettings;
import dev.sequencer.internal.config.SettingKeys;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.engine.InfoReport;
import dev.sequencer.internal.engine.OperatorActions;
import dev.sequencer.internal.engine.Planner;
import dev.sequencer.internal.engine.RunOptions;
import dev.sequencer.internal.flyway.FlywayRunner;
import dev.sequencer.internal.flyway.MigrationInterleaver;
import dev.sequencer.internal.flyway.MigrationLock;
import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.internal.registry.RegistryDiscovery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of Sequencer, configured the way Flyway is:
 *
 * <pre>{@code
 * try (Sequencer sequencer = Sequencer.configure().dataSource(ds).registry(GeneratedSequencer.registry())
 *         .strategy("migration").load()) {
 *     sequencer.migrate();
 * }
 * }</pre>
 *
 * <p>{@code GeneratedSequencer.sequencer()} builds one from configuration (README, "Configuration") over the
 * generated registry. Close it to release the connection pool it created (none is created when you pass a
 * DataSource).
 */
public final class Sequencer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

    private final SequencerRuntime runtime;
    private final Engine engine;
    private final ExecutionStrategy strategy;
    private final FlywayRunner flyway;

    private Sequencer(
            SequencerRuntime runtime,
            ExecutionStrategy strategy,
            ClassLoader classLoader,
            Consumer<FluentConfiguration> flywayCustomizer) {
        this.runtime = runtime;
        this.engine = runtime.engine();
        this.strategy = strategy;
        this.flyway = new FlywayRunner(engine, classLoader, flywayCustomizer);
    }

    /** {@return a new builder: starts configuring a Sequencer} */
    public static Builder configure() {
        return new Builder();
    }

    /** {@return the strategy in force ({@code sequencer.strategy})} */
    public ExecutionStrategy strategy() {
        return strategy;
    }

    /** {@return the operations this Sequencer knows, in order} */
    public List<OperationDescriptor> registry() {
        return engine.registry();
    }

    /** {@return the data source operations run on} */
    public DataSource dataSource() {
        return engine.dataSource();
    }

    /**
     * Runs Flyway {@code migrate}. Under the command strategy it applies migrations only (holding the Sequencer lock,
     * so it never slips a migration into another node's {@code process()}); under the migration strategy operations
     * run interleaved with them, after the history is validated.
     *
     * @return what ran: the migrations, and under the migration strategy the operations
     * @throws OperationFailedException naming the operation when one fails (its state is recorded {@code failed})
     * @throws HistoryValidationException when the history holds operations no registry knows (migration strategy)
     */
    public RunReport migrate() {
        engine.checkGuards();
        SequencerCallback callback = callback();
        List<Callback> callbacks = new ArrayList<>(flyway.installedBy(strategy, callback));
        if (!strategy.isAutomatic()) {
            callbacks.add(new MigrationLock(engine));
        }
        MigrateResult result = flyway.migrate(callbacks);
        return strategy.isAutomatic() ? callback.lastReport() : FlywayRunner.migrationsOnly(result);
    }

    /**
     * Runs pending migrations and operations, interleaved; the same as {@code process(ProcessOptions.defaults())}.
     *
     * @return what ran, in order
     */
    public RunReport process() {
        return process(ProcessOptions.defaults());
    }

    /**
     * Runs pending Flyway migrations and the selected pending operations, interleaved by timestamp, after validating
     * the history. With {@link ProcessOptions#dryRun()} it changes nothing and returns the plan.
     *
     * @param options which operations, which tags, whether a dry run
     * @return what ran, in order; with a dry run, what would run
     * @throws OperationFailedException naming the operation when one fails
     * @throws HistoryValidationException when the history holds operations no registry knows; nothing ran
     */
    public RunReport process(ProcessOptions options) {
        engine.checkGuards();
        if (strategy.isAutomatic() && !options.dryRun()) {
            LOG.warn("sequencer.strategy is 'migration': migrate() already runs operations, so process() is redundant");
        }
        RunOptions run = RunOptions.process(options, engine.settings());
        if (options.dryRun()) {
            engine.validateBeforeRun();
            return new Planner(engine, run).plan(flyway.info());
        }
        SequencerCallback callback = new SequencerCallback(new MigrationInterleaver(engine, run));
        flyway.migrate(List.of(callback));
        return callback.lastReport();
    }

    /**
     * A new Flyway callback that runs this Sequencer's operations during any Flyway {@code migrate} it is added to,
     * with the options of the migration strategy ({@code sequencer.migration.*}).
     *
     * @return a callback to add to a Flyway configuration
     */
    public SequencerCallback callback() {
        return new SequencerCallback(new MigrationInterleaver(engine, RunOptions.migration(engine.settings())));
    }

    /**
     * Runs the operation {@code name} now, even if it is completed, under the Sequencer lock, and records the run as a
     * new row. Its dependencies are not checked.
     *
     * @param name the operation's name
     * @return the run, with the operation's outcome
     * @throws OperationFailedException when it fails (recorded {@code failed})
     */
    public RunReport execute(String name) {
        return execute(name, true);
    }

    /**
     * Runs the operation {@code name} now; with {@code record} false, its work is committed but nothing is written to
     * the history table (for trying an operation out, or re-applying it by hand).
     *
     * @param name the operation's name
     * @param record whether the run is recorded in the history
     * @return the run, with the operation's outcome
     * @throws OperationFailedException when it fails
     */
    public RunReport execute(String name, boolean record) {
        OperationDescriptor op = operation(name);
        try (var session = engine.open(RunOptions.execute())) {
            if (record) {
                session.runNamed(op);
            } else {
                session.runNamedUnrecorded(op);
            }
            return session.report();
        }
    }

    /**
     * Calls {@code rollback()} of the completed {@link Rollbackable} operation {@code name} and records it
     * {@code rolled_back}, so that the next run applies it again.
     *
     * @param name the operation's name
     * @return the run, with the rollback's outcome
     */
    public RunReport rollback(String name) {
        OperationDescriptor op = operation(name);
        try (var session = engine.open(RunOptions.rollback())) {
            session.rollBackNamed(op);
            return session.report();
        }
    }

    private OperationDescriptor operation(String name) {
        OperationDescriptor op = engine.operation(name);
        if (op == null) {
            throw new SequencerException(RuntimeMessage.UNKNOWN_OPERATION.format(name));
        }
        return op;
    }

    /**
     * Checks the history against the registry without running anything: a name in the history that no registry
     * knows (an operation class renamed or deleted after it ran) is a problem. Runs do this first, and refuse to start
     * when there is one ({@code sequencer.validate-on-run}).
     *
     * @return the problems found, if any
     */
    public ValidationResult validate() {
        return engine.validate();
    }

    /**
     * Adopts Sequencer on an existing database: records every registry operation at or before {@code timestamp}
     * (written {@code 2024_01_02_000000} or fourteen digits) that has no history row as {@code completed} with reason
     * {@code baseline}, without running it. Operations that already have a history are left alone.
     *
     * @param timestamp the last timestamp adopted as already done
     * @return the names recorded, in order
     * @throws IllegalArgumentException when {@code timestamp} is not a timestamp
     */
    public List<String> baseline(String timestamp) {
        return new OperatorActions(engine).baseline(timestamp);
    }

    /**
     * Records the pending or failed operation {@code name} {@code skipped} with {@code reason}, without running it: for
     * an operation that can never succeed. Refused for a name no registry knows, a blank reason, and an operation
     * that is completed, skipped or dispatched.
     *
     * @param name the operation's name
     * @param reason why, recorded with the row
     */
    public void skip(String name, String reason) {
        new OperatorActions(engine).skip(name, reason);
    }

    /**
     * Records the pending or failed operation {@code name} {@code completed} with {@code reason}, without running it:
     * for work done by hand. Refused like {@link #skip}.
     *
     * @param name the operation's name
     * @param reason why, recorded with the row
     */
    public void markCompleted(String name, String reason) {
        new OperatorActions(engine).markCompleted(name, reason);
    }

    /**
     * Every history row of {@code name}, oldest first, each failure with its error (exception class, message, stack
     * trace). A name no registry knows is accepted when the history has it (a renamed operation's old name).
     *
     * @param name the operation's name
     * @return its history rows, oldest first
     * @throws SequencerException when neither the registry nor the history knows {@code name}
     */
    public List<OperationAttempt> history(String name) {
        List<OperationAttempt> attempts = engine.attempts(name);
        if (attempts.isEmpty() && engine.operation(name) == null) {
            throw new SequencerException("No operation is named '" + name
                    + "', in the registry or in the history; see status() for the names this Sequencer knows");
        }
        return attempts;
    }

    /**
     * Migrations (Flyway's {@code info}) and operations together, what {@code flyway info} is to migrations: first
     * what ran, in the order it ran; then what would run, in the order a run would run it (the dry-run plan); then what
     * waits, and migrations Flyway will not apply. History names no registry knows are listed as {@code unknown}.
     *
     * @return one entry per migration and per operation, in that order
     */
    public List<InfoEntry> info() {
        return new InfoReport(engine).entries(flyway.info());
    }

    /**
     * Starts an asynchronous worker over this Sequencer's operations and deferred handlers. Closing the worker does
     * not close this Sequencer.
     *
     * @return the running worker; close it to stop it
     */
    public Worker worker() {
        return engine.backend().worker();
    }

    /**
     * Stores a task for the {@code @Deferred("alias")} handler, handed {@code jsonPayload} by a worker once
     * {@code dueAt} ({@code null}: now) has come.
     *
     * @param alias the handler's alias, as in {@code @Deferred("alias")}
     * @param jsonPayload what the handler is handed
     * @param dueAt when the task is due; {@code null} for now
     * @return the task's id in {@code <prefix>deferred_tasks}
     */
    public String defer(String alias, String jsonPayload, Instant dueAt) {
        return engine.backend().defer(alias, jsonPayload, dueAt);
    }

    /**
     * Hands a {@link OperationStatus#lost() lost} operation to the workers again, under the Sequencer lock; refused
     * while a worker is running it.
     *
     * @param operation the operation's name
     */
    public void redispatch(String operation) {
        engine.backend().redispatch(operation);
    }

    /**
     * Every operation of the registry with its current state, in order, and whether the next run would execute it. A
     * {@code dispatched} operation whose task is gone from {@code <prefix>scheduled_tasks} is reported
     * {@link OperationStatus#lost() lost}.
     *
     * @return one status per registry operation, in order
     */
    public List<OperationStatus> status() {
        return engine.status();
    }

    /** Closes the connection pool this Sequencer created, if any. */
    @Override
    public void close() {
        runtime.close();
    }

    /** Configures a {@link Sequencer}; later calls override earlier ones. */
    public static final class Builder {

        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<OperationDescriptor> registry = new ArrayList<>();
        private final List<SequencerListener> listeners = new ArrayList<>();
        private final List<DeferredDescriptor> deferred = new ArrayList<>();
        private final List<ExecutionGuard> guards = new ArrayList<>();
        private DataSource dataSource;
        private OperationFactory operationFactory;
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : Sequencer.class.getClassLoader();
        private Consumer<FluentConfiguration> flywayCustomizer;

        private Builder() {}

        /**
         * Reads configuration: system properties {@code sequencer.*}, then environment variables
         * {@code SEQUENCER_*}, then {@code sequencer.properties} on the class path.
         *
         * @return this builder
         */
        public Builder loadConfiguration() {
            values.putAll(ConfigurationSource.load(classLoader));
            return this;
        }

        /**
         * Sets configuration keys ({@code sequencer.*}) explicitly.
         *
         * @param properties keys and their values
         * @return this builder
         */
        public Builder properties(Map<String, String> properties) {
            values.putAll(properties);
            return this;
        }

        /**
         * Sets one configuration key, for example {@code property("sequencer.lock.timeout", "10s")}.
         *
         * @param key the key, {@code sequencer.*}
         * @param value its value
         * @return this builder
         */
        public Builder property(String key, String value) {
            values.put(key, value);
            return this;
        }

        /**
         * The database; when given, {@code sequencer.url}, {@code user} and {@code password} are not used.
         *
         * @param dataSource the database
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Adds the operations of a generated registry ({@code GeneratedSequencer.registry()}).
         *
         * @param operations the registry's operations
         * @return this builder
         */
        public Builder registry(List<OperationDescriptor> operations) {
            registry.addAll(operations);
            return this;
        }

        /**
         * Adds the deferred handlers of a generated registry ({@code GeneratedSequencer.deferred()}).
         *
         * @param handlers the registry's deferred handlers
         * @return this builder
         */
        public Builder deferredHandlers(List<DeferredDescriptor> handlers) {
            deferred.addAll(handlers);
            return this;
        }

        /**
         * Adds the registries listed in {@code META-INF/services/dev.sequencer.OperationRegistry}.
         *
         * @return this builder
         */
        public Builder discoverRegistries() {
            for (OperationRegistry r : RegistryDiscovery.discover(classLoader)) {
                registry.addAll(r.operations());
                deferred.addAll(r.deferredHandlers());
            }
            return this;
        }

        /**
         * Sets the strategy ({@code sequencer.strategy}).
         *
         * @param strategy {@code command} (default) or {@code migration}
         * @return this builder
         */
        public Builder strategy(String strategy) {
            return property(SettingKeys.STRATEGY, strategy);
        }

        /**
         * Adds a guard that may block every run on this machine.
         *
         * @param guard the guard
         * @return this builder
         */
        public Builder guard(ExecutionGuard guard) {
            guards.add(guard);
            return this;
        }

        /**
         * Adds a listener that is told of every run's events; listeners registered as services
         * ({@code META-INF/services/dev.sequencer.SequencerListener}) are added too.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(SequencerListener listener) {
            listeners.add(listener);
            return this;
        }

        /**
         * Builds operations that have no accessible no-argument constructor, for dependency injection.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder operationFactory(OperationFactory factory) {
            this.operationFactory = factory;
            return this;
        }

        /**
         * Adjusts the Flyway configuration Sequencer migrates with, after {@code sequencer.flyway.*} is applied.
         *
         * @param customizer called with the configuration
         * @return this builder
         */
        public Builder flyway(Consumer<FluentConfiguration> customizer) {
            this.flywayCustomizer = customizer;
            return this;
        }

        /**
         * The class loader that configuration files, registries, listeners and Flyway's migrations are found with
         * (default: the thread's context class loader).
         *
         * @param classLoader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /**
         * Validates the configuration and builds the Sequencer. Nothing touches the database before validation
         * passes.
         *
         * @return the Sequencer; close it to release its connection pool
         * @throws ConfigurationException naming the key at fault
         */
        public Sequencer load() {
            SequencerSettings settings = SequencerSettings.from(values);
            ExecutionStrategy strategy = ExecutionStrategy.named(settings.strategy());
            if (dataSource == null && settings.url() == null) {
                throw new ConfigurationException(SettingKeys.URL, RuntimeMessage.NO_DATABASE.format(SettingKeys.URL));
            }
            List<SequencerListener> allListeners = new ArrayList<>(listeners);
            ServiceLoader.load(SequencerListener.class, classLoader).forEach(allListeners::add);
            List<ExecutionGuard> allGuards = new ArrayList<>(guards);
            ServiceLoader.load(ExecutionGuard.class, classLoader).forEach(allGuards::add);
            SequencerRuntime runtime = SequencerRuntime.create(
                    settings,
                    new SequencerRuntime.Parts(
                            dataSource, registry, deferred, operationFactory, allListeners, allGuards));
            return new Sequencer(runtime, strategy, classLoader, flywayCustomizer);
        }
    }
}
