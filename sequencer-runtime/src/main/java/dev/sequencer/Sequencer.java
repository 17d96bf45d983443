package dev.sequencer;

import dev.sequencer.internal.async.AsyncBackend;
import dev.sequencer.internal.config.ConfigurationSource;
import dev.sequencer.internal.config.ConnectionPool;
import dev.sequencer.internal.config.SequencerSettings;
import dev.sequencer.internal.config.SettingKeys;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.engine.FlywayRunner;
import dev.sequencer.internal.engine.Listeners;
import dev.sequencer.internal.engine.MigrationInterleaver;
import dev.sequencer.internal.engine.MigrationLock;
import dev.sequencer.internal.engine.Planner;
import dev.sequencer.internal.engine.RunOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
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
 * <p>{@code GeneratedSequencer.sequencer()} builds one from configuration (SPEC section 6) over the generated
 * registry. Close it to release the connection pool it created (none is created when you pass a DataSource).
 */
public final class Sequencer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

    private final Engine engine;
    private final ExecutionStrategy strategy;
    private final ConnectionPool ownedPool;
    private final FlywayRunner flyway;
    private final AsyncBackend async;

    private Sequencer(
            AsyncBackend async,
            Engine engine,
            ExecutionStrategy strategy,
            ConnectionPool ownedPool,
            ClassLoader classLoader,
            Consumer<FluentConfiguration> flywayCustomizer) {
        this.async = async;
        this.engine = engine;
        this.strategy = strategy;
        this.ownedPool = ownedPool;
        this.flyway = new FlywayRunner(engine, classLoader, flywayCustomizer);
    }

    /** Starts configuring a Sequencer. */
    public static Builder configure() {
        return new Builder();
    }

    /** The strategy in force ({@code sequencer.strategy}). */
    public ExecutionStrategy strategy() {
        return strategy;
    }

    /** The operations this Sequencer knows, in order. */
    public List<OperationDescriptor> registry() {
        return engine.registry();
    }

    /** The data source operations run on. */
    public DataSource dataSource() {
        return engine.dataSource();
    }

    /**
     * Runs Flyway {@code migrate}. Under the command strategy it applies migrations only; under the migration
     * strategy operations run interleaved with them.
     *
     * @throws OperationFailedException naming the operation when one fails (its state is recorded {@code failed})
     */
    public RunReport migrate() {
        engine.checkGuards();
        FluentConfiguration configuration = flyway.configuration();
        strategy.install(configuration, this);
        if (!strategy.isAutomatic()) {
            FlywayRunner.addCallback(
                    configuration, new MigrationLock(engine)); // see MigrationLock: no overtaking a process()
        }
        MigrateResult result = FlywayRunner.migrate(configuration);
        return Arrays.stream(configuration.getCallbacks())
                .filter(SequencerCallback.class::isInstance)
                .map(c -> ((SequencerCallback) c).lastReport())
                .findFirst()
                .orElseGet(() -> FlywayRunner.migrationsOnly(result));
    }

    /** Runs pending migrations and operations, interleaved; the same as {@code process(ProcessOptions.defaults())}. */
    public RunReport process() {
        return process(ProcessOptions.defaults());
    }

    /**
     * Runs pending Flyway migrations and the selected pending operations, interleaved by timestamp. With
     * {@link ProcessOptions#dryRun()} it changes nothing and returns the plan.
     */
    public RunReport process(ProcessOptions options) {
        engine.checkGuards();
        if (strategy.isAutomatic() && !options.dryRun()) {
            LOG.warn("sequencer.strategy is 'migration': migrate() already runs operations, so process() is redundant");
        }
        RunOptions run = new RunOptions(
                "process",
                options.tags(),
                options.from(),
                options.repeat(),
                true,
                options.sync() || engine.settings().forceSync());
        FluentConfiguration configuration = flyway.configuration();
        if (options.dryRun()) {
            return new Planner(engine, run).plan(configuration.load().info());
        }
        SequencerCallback callback = new SequencerCallback(new MigrationInterleaver(engine, run));
        FlywayRunner.addCallback(configuration, callback);
        FlywayRunner.migrate(configuration);
        return callback.lastReport();
    }

    /**
     * A new Flyway callback that runs this Sequencer's operations during any Flyway {@code migrate} it is added to,
     * with the options of the migration strategy ({@code sequencer.migration.*}).
     */
    public SequencerCallback callback() {
        RunOptions options = new RunOptions(
                "migrate",
                Set.of(),
                null,
                false,
                engine.settings().runOnNoPendingMigrations(),
                engine.settings().forceSync());
        return new SequencerCallback(new MigrationInterleaver(engine, options));
    }

    /**
     * Runs the operation {@code name} now, even if it is completed, under the Sequencer lock, and records the run as a
     * new row. Its dependencies are not checked.
     *
     * @throws OperationFailedException when it fails (recorded {@code failed})
     */
    public RunReport execute(String name) {
        return execute(name, true);
    }

    /**
     * Runs the operation {@code name} now; with {@code record} false, its work is committed but nothing is written to
     * the history table (for trying an operation out, or re-applying it by hand).
     */
    public RunReport execute(String name, boolean record) {
        OperationDescriptor op = operation(name);
        engine.checkGuards();
        RunOptions options = new RunOptions("execute", Set.of(), null, true, true, true);
        try (var session = engine.open(options)) {
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
     */
    public RunReport rollback(String name) {
        OperationDescriptor op = operation(name);
        engine.checkGuards();
        RunOptions options = new RunOptions("rollback", Set.of(), null, false, true, true);
        try (var session = engine.open(options)) {
            session.rollBackNamed(op);
            return session.report();
        }
    }

    private OperationDescriptor operation(String name) {
        OperationDescriptor op = engine.operation(name);
        if (op == null) {
            throw new SequencerException(
                    "No operation is named '" + name + "'; see status() for the names this" + " Sequencer knows");
        }
        return op;
    }

    /**
     * Starts an asynchronous worker over this Sequencer's operations and deferred handlers. Closing the worker does
     * not close this Sequencer.
     */
    public Worker worker() {
        return async.worker();
    }

    /**
     * Stores a task for the {@code @Deferred("alias")} handler, handed {@code jsonPayload} by a worker once
     * {@code dueAt} ({@code null}: now) has come; returns its id in {@code <prefix>deferred_tasks}.
     */
    public String defer(String alias, String jsonPayload, Instant dueAt) {
        return async.defer(alias, jsonPayload, dueAt);
    }

    /** Hands a {@link OperationStatus#lost() lost} operation to the workers again, under the Sequencer lock. */
    public void redispatch(String operation) {
        async.redispatch(operation);
    }

    /**
     * Every operation of the registry with its current state, in order. A {@code dispatched} operation whose task is
     * gone from {@code <prefix>scheduled_tasks} is reported {@link OperationStatus#lost() lost}.
     */
    public List<OperationStatus> status() {
        return engine.status();
    }

    /** Closes the connection pool this Sequencer created, if any. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
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
         */
        public Builder loadConfiguration() {
            values.putAll(ConfigurationSource.load(classLoader));
            return this;
        }

        /** Sets configuration keys ({@code sequencer.*}) explicitly. */
        public Builder properties(Map<String, String> properties) {
            values.putAll(properties);
            return this;
        }

        /** Sets one configuration key, for example {@code property("sequencer.lock.timeout", "10s")}. */
        public Builder property(String key, String value) {
            values.put(key, value);
            return this;
        }

        /** The database; when given, {@code sequencer.url}, {@code user} and {@code password} are not used. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Adds the operations of a generated registry ({@code GeneratedSequencer.registry()}). */
        public Builder registry(List<OperationDescriptor> operations) {
            registry.addAll(operations);
            return this;
        }

        /** Adds the deferred handlers of a generated registry ({@code GeneratedSequencer.deferred()}). */
        public Builder deferredHandlers(List<DeferredDescriptor> handlers) {
            deferred.addAll(handlers);
            return this;
        }

        /** Adds the registries listed in {@code META-INF/services/dev.sequencer.OperationRegistry}. */
        public Builder discoverRegistries() {
            for (OperationRegistry r : dev.sequencer.internal.registry.RegistryDiscovery.discover(classLoader)) {
                registry.addAll(r.operations());
                deferred.addAll(r.deferredHandlers());
            }
            return this;
        }

        /** {@code command} (default) or {@code migration}. */
        public Builder strategy(String strategy) {
            return property(SettingKeys.STRATEGY, strategy);
        }

        /** Adds a guard that may block every run on this machine. */
        public Builder guard(ExecutionGuard guard) {
            guards.add(guard);
            return this;
        }

        public Builder listener(SequencerListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Builds operations that have no accessible no-argument constructor, for dependency injection. */
        public Builder operationFactory(OperationFactory factory) {
            this.operationFactory = factory;
            return this;
        }

        /** Adjusts the Flyway configuration Sequencer migrates with, after {@code sequencer.flyway.*} is applied. */
        public Builder flyway(Consumer<FluentConfiguration> customizer) {
            this.flywayCustomizer = customizer;
            return this;
        }

        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /**
         * Validates the configuration and builds the Sequencer. Nothing touches the database before validation
         * passes.
         *
         * @throws ConfigurationException naming the key at fault
         */
        public Sequencer load() {
            SequencerSettings settings = SequencerSettings.from(values);
            ExecutionStrategy strategy = ExecutionStrategy.named(settings.strategy());
            if (dataSource == null && settings.url() == null) {
                throw new ConfigurationException(
                        SettingKeys.URL,
                        "No database configured: set " + SettingKeys.URL
                                + " (system property, SEQUENCER_URL environment variable or sequencer.properties), or pass a"
                                + " DataSource");
            }
            List<OperationDescriptor> operations =
                    new ArrayList<>(new java.util.LinkedHashSet<>(registry)); // a registry added twice
            operations.sort(java.util.Comparator.comparing(OperationDescriptor::timestamp)
                    .thenComparing(OperationDescriptor::name));
            List<SequencerListener> all = new ArrayList<>(listeners);
            ServiceLoader.load(SequencerListener.class, classLoader).forEach(all::add);
            List<ExecutionGuard> allGuards = new ArrayList<>(guards);
            ServiceLoader.load(ExecutionGuard.class, classLoader).forEach(allGuards::add);
            var guarded = dev.sequencer.internal.guard.Guards.of(settings, allGuards);
            ConnectionPool pool = dataSource == null ? ConnectionPool.create(settings) : null;
            try {
                Engine engine = new Engine(
                        settings,
                        pool != null ? pool : dataSource,
                        operations,
                        operationFactory,
                        new Listeners(all),
                        guarded);
                AsyncBackend async = new AsyncBackend(engine, deferred);
                engine.dispatcher(async);
                return new Sequencer(async, engine, strategy, pool, classLoader, flywayCustomizer);
            } catch (RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                throw e;
            }
        }
    }
}
