package dev.sequencer.internal.engine;

import dev.sequencer.ConfigurationException;
import dev.sequencer.GuardBlockedException;
import dev.sequencer.HistoryValidationException;
import dev.sequencer.LockTimeoutException;
import dev.sequencer.OperationAttempt;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationFactory;
import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.SequencerException;
import dev.sequencer.ValidationResult;
import dev.sequencer.internal.config.SequencerSettings;
import dev.sequencer.internal.execution.Instantiation;
import dev.sequencer.internal.execution.Listeners;
import dev.sequencer.internal.execution.OperationExecutor;
import dev.sequencer.internal.guard.Guards;
import dev.sequencer.internal.lock.SequencerLock;
import dev.sequencer.internal.store.Dialect;
import dev.sequencer.internal.store.HistoryRow;
import dev.sequencer.internal.store.OperationStore;
import dev.sequencer.internal.store.PartitionStore;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one engine behind every strategy: it knows the registry, the database and the settings, and opens
 * {@link RunSession}s that run operations under the Sequencer lock.
 */
public final class Engine {

    private final SequencerSettings settings;
    private final DataSource dataSource;
    private final List<OperationDescriptor> registry;
    private final Map<String, OperationDescriptor> byName;
    private final Instantiation instantiation;
    private final Listeners listeners;
    private final Guards guards;
    private String owner; // computed when first needed (guarded by this): an idle run writes no row
    private final HistoryValidation validation;
    private volatile OperationStore store;
    private volatile PartitionStore partitions;
    private volatile Dialect dialect;
    private final Function<Engine, Backend> backendFactory;
    private volatile Backend backend;

    public Engine(
            SequencerSettings settings,
            DataSource dataSource,
            List<OperationDescriptor> registry,
            OperationFactory factory,
            Listeners listeners,
            Guards guards,
            Function<Engine, Backend> backend) {
        this.settings = settings;
        this.backendFactory = backend;
        this.guards = guards;
        this.dataSource = dataSource;
        this.registry = List.copyOf(registry);
        this.instantiation = new Instantiation(factory);
        this.listeners = listeners;
        this.byName = new HashMap<>();
        for (OperationDescriptor op : registry) {
            OperationDescriptor other = byName.put(op.name(), op);
            if (other != null) {
                throw new ConfigurationException(
                        "registry",
                        "Two operations are named " + op.name() + ": " + other.className() + " and " + op.className()
                                + "; names must be unique across all registries. Rename one with @Operation(name = ...)");
            }
        }
        if (factory == null) {
            List<String> unbuildable = registry.stream()
                    .filter(op -> !op.constructible())
                    .map(OperationDescriptor::name)
                    .toList();
            if (!unbuildable.isEmpty()) {
                throw new ConfigurationException(
                        "operationFactory",
                        "Operations " + unbuildable
                                + " have no accessible no-argument constructor and no OperationFactory is configured;"
                                + " configure one with Sequencer.configure().operationFactory(...)");
            }
        }
        this.validation = new HistoryValidation(this.registry, settings.validateIgnoreUnknown());
    }

    /** What this JVM's {@code running} rows name as their owner: host, process id and a random tag. */
    private synchronized String owner() {
        String o = owner;
        if (o == null) {
            o = HistoryRow.RUN_OWNER_PREFIX + host() + ":"
                    + ProcessHandle.current().pid() + ":"
                    + String.format("%08x", ThreadLocalRandom.current().nextInt());
            owner = o;
        }
        return o;
    }

    public SequencerSettings settings() {
        return settings;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public List<OperationDescriptor> registry() {
        return registry;
    }

    public OperationDescriptor operation(String name) {
        return byName.get(name);
    }

    public Listeners listeners() {
        return listeners;
    }

    public Instantiation instantiation() {
        return instantiation;
    }

    /** The asynchronous backend, built on first use (so that nothing touches the database before then). */
    public Backend backend() {
        Backend b = backend;
        if (b == null) {
            synchronized (this) {
                if (backend == null) {
                    backend = backendFactory.apply(this);
                }
                b = backend;
            }
        }
        return b;
    }

    /** Whether {@code op} goes to the asynchronous backend: {@code @Asynchronous}, or {@code sequencer.async.all}. */
    public boolean runsAsynchronously(OperationDescriptor op) {
        return op.asynchronous() || settings.asyncAll();
    }

    /**
     * Opens a run: takes the Sequencer lock, creates the history tables if absent and reads the history. A run that
     * picks pending operations and has nothing to do or wait for (every operation of the registry {@code completed} or
     * {@code skipped}) reads the history once and takes no lock: no other run can be running one of its operations.
     */
    public RunSession open(RunOptions options) {
        checkGuards();
        RunSession idle = openIdle(options);
        if (idle != null) {
            return idle;
        }
        SequencerLock lock = null;
        try {
            lock = acquireLock(settings.lockTimeout());
            Map<String, HistoryRow> history;
            try (Connection c = dataSource.getConnection()) {
                history = store().latest(c);
                if (options.validates() && settings.validateOnRun()) {
                    throwIfInvalid(history); // before anything is written; the lock is released below
                }
                store().createTablesIfAbsent(c);
            }
            Set<String> tasks = mayBelongToTheBackend(history) ? backend().operationTasks() : Set.of();
            return new RunSession(this, options, lock, Orchestration.named(settings.orchestrator()), history, tasks);
        } catch (SQLException e) {
            if (lock != null) {
                lock.close();
            }
            throw new SequencerException(
                    "Cannot start a run of operations: " + e.getMessage()
                            + " (check that the database is reachable and the user may create tables)",
                    e);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    /** A run without the lock when the history says every operation is done; {@code null} otherwise. */
    private RunSession openIdle(RunOptions options) {
        if (registry.isEmpty() || !options.picksPendingOnly()) {
            return null;
        }
        Map<String, HistoryRow> history;
        try (Connection c = dataSource.getConnection()) {
            history = store().latest(c);
        } catch (SQLException e) {
            return null; // the locked path reports it
        }
        for (OperationDescriptor op : registry) {
            HistoryRow row = history.get(op.name());
            if (row == null || !row.state().isFinal()) {
                return null;
            }
        }
        if (options.validates() && settings.validateOnRun()) {
            throwIfInvalid(history);
        }
        return new RunSession(this, options, null, Orchestration.named(settings.orchestrator()), history, Set.of());
    }

    /** The history checked against the registry, without running anything. */
    public ValidationResult validate() {
        return new ValidationResult(validation.problems(history()));
    }

    /** Throws {@link HistoryValidationException} when {@code sequencer.validate-on-run} is on and there are problems. */
    public void validateBeforeRun() {
        if (settings.validateOnRun()) {
            throwIfInvalid(history());
        }
    }

    private void throwIfInvalid(Map<String, HistoryRow> history) {
        List<String> problems = validation.problems(history);
        if (!problems.isEmpty()) {
            throw new HistoryValidationException(problems);
        }
    }

    /** The Sequencer lock, waiting up to {@code timeout} for it. */
    public SequencerLock acquireLock(Duration timeout) throws SQLException {
        return SequencerLock.acquire(dataSource, dialect(), settings.tablePrefix(), timeout);
    }

    /**
     * Whether some operation of the registry could be owned by the asynchronous backend although its newest row says
     * it is pending (a failed attempt waiting for its retry, or one running on a worker): only then does a run need
     * to read the backend's tasks.
     */
    boolean mayBelongToTheBackend(Map<String, HistoryRow> history) {
        for (OperationDescriptor op : registry) {
            HistoryRow row = history.get(op.name());
            if (row != null
                    && (row.state() == OperationState.FAILED
                            || row.state() == OperationState.ROLLED_BACK
                            || row.state() == OperationState.RUNNING)) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link GuardBlockedException} when a guard blocks runs on this machine. */
    public void checkGuards() {
        try {
            guards.check();
        } catch (GuardBlockedException e) {
            listeners.runBlocked(e.guard(), e.getMessage());
            throw e;
        }
    }

    /** An executor of single operation attempts by synchronous runs. */
    public OperationExecutor executor() {
        return executor(owner());
    }

    /** An executor whose {@code running} rows name {@code owner} (asynchronous workers name themselves). */
    public OperationExecutor executor(String owner) {
        return new OperationExecutor(dataSource, store(), instantiation, owner, settings.environment(), listeners);
    }

    /** The newest history row of every operation, read without the lock (for status and plans). */
    public Map<String, HistoryRow> history() {
        try (Connection c = dataSource.getConnection()) {
            return store().latest(c);
        } catch (SQLException e) {
            throw new SequencerException("Cannot read the operation history: " + e.getMessage(), e);
        }
    }

    /** Every history row of {@code name}, oldest first, with their errors. */
    public List<OperationAttempt> attempts(String name) {
        try (Connection c = dataSource.getConnection()) {
            return store().attempts(c, name);
        } catch (SQLException e) {
            throw new SequencerException("Cannot read the history of " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pending rules over the history as it is now, without holding the lock (for plans): the backend's tasks are
     * read when they matter, and a run's {@code running} row counts as interrupted only while no run holds the lock.
     */
    PendingRules rulesWithoutTheLock(boolean repeat) {
        Map<String, HistoryRow> history = history();
        Set<String> tasks = mayBelongToTheBackend(history) ? backend().operationTasks() : Set.of();
        return new PendingRules(history, tasks, runsIdle(history), repeat);
    }

    /**
     * Every operation of the registry with its current state, in order, pending as the next run would see it (see
     * {@link StatusReport}).
     */
    public List<OperationStatus> status() {
        return new StatusReport(this).status();
    }

    /**
     * Whether no run is under way, asked only when some run left a {@code running} row: then a free Sequencer lock
     * proves that run gone.
     */
    boolean runsIdle(Map<String, HistoryRow> history) {
        if (history.values().stream().noneMatch(HistoryRow::runningInARun)) {
            return true;
        }
        try (SequencerLock ignored = acquireLock(Duration.ZERO)) {
            return true;
        } catch (LockTimeoutException held) {
            return false;
        } catch (SQLException e) {
            throw new SequencerException("Cannot check the Sequencer lock: " + e.getMessage(), e);
        }
    }

    public OperationStore store() {
        if (store == null) {
            store = new OperationStore(dialect(), settings.tablePrefix());
        }
        return store;
    }

    /** The partitions of {@code @Partitioned} operations. */
    public PartitionStore partitions() {
        if (partitions == null) {
            partitions = new PartitionStore(dialect(), settings.tablePrefix());
        }
        return partitions;
    }

    public Dialect dialect() {
        if (dialect == null) {
            try (Connection c = dataSource.getConnection()) {
                dialect = Dialect.of(c);
            } catch (SQLException e) {
                throw new SequencerException(
                        "Cannot connect to the database: " + e.getMessage()
                                + " (check sequencer.url, sequencer.user and sequencer.password)",
                        e);
            }
        }
        return dialect;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
