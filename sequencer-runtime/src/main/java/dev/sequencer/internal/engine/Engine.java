package dev.sequencer.internal.engine;

import dev.sequencer.ConfigurationException;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationFactory;
import dev.sequencer.OperationState;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.config.SequencerSettings;
import dev.sequencer.internal.lock.SequencerLock;
import dev.sequencer.internal.store.Dialect;
import dev.sequencer.internal.store.HistoryRow;
import dev.sequencer.internal.store.OperationStore;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private final OperationFactory factory;
    private final Listeners listeners;
    private final dev.sequencer.internal.guard.Guards guards;
    private final String owner;
    private volatile OperationStore store;
    private volatile Dialect dialect;
    private volatile Dispatcher dispatcher;

    public Engine(
            SequencerSettings settings,
            DataSource dataSource,
            List<OperationDescriptor> registry,
            OperationFactory factory,
            Listeners listeners,
            dev.sequencer.internal.guard.Guards guards) {
        this.settings = settings;
        this.guards = guards;
        this.dataSource = dataSource;
        this.registry = List.copyOf(registry);
        this.factory = factory;
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
        this.owner =
                "run:" + host() + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                        + UUID.randomUUID().toString().substring(0, 8);
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

    Listeners listeners() {
        return listeners;
    }

    String owner() {
        return owner;
    }

    OperationFactory factory() {
        return factory;
    }

    /** Installs the asynchronous backend that runs hand {@code @Asynchronous} operations to. */
    public void dispatcher(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    Dispatcher dispatcher() {
        if (dispatcher == null) {
            throw new SequencerException("No asynchronous backend is installed on this engine");
        }
        return dispatcher;
    }

    /** Whether {@code op} goes to the asynchronous backend: {@code @Asynchronous}, or {@code sequencer.async.all}. */
    public boolean runsAsynchronously(OperationDescriptor op) {
        return op.asynchronous() || settings.asyncAll();
    }

    /** Opens a run: takes the Sequencer lock, creates the history tables if absent and reads the history. */
    public RunSession open(RunOptions options) {
        checkGuards();
        SequencerLock lock = null;
        try {
            Dialect d = dialect();
            lock = SequencerLock.acquire(dataSource, d, settings.tablePrefix(), settings.lockTimeout());
            Map<String, HistoryRow> history;
            try (Connection c = dataSource.getConnection()) {
                store().createTablesIfAbsent(c);
                history = store().latest(c);
            }
            return new RunSession(this, options, lock, new HashMap<>(history), executor());
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

    /** Throws {@link dev.sequencer.GuardBlockedException} when a guard blocks runs on this machine. */
    public void checkGuards() {
        try {
            guards.check();
        } catch (dev.sequencer.GuardBlockedException e) {
            listeners.runBlocked(e.guard(), e.getMessage());
            throw e;
        }
    }

    /** An executor of single operation attempts (also used by asynchronous workers). */
    public OperationExecutor executor() {
        return new OperationExecutor(dataSource, store(), factory, owner, settings.environment());
    }

    /** The newest history row of every operation, read without the lock (for status and plans). */
    public Map<String, HistoryRow> history() {
        try (Connection c = dataSource.getConnection()) {
            return store().latest(c);
        } catch (SQLException e) {
            throw new SequencerException("Cannot read the operation history: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code op} is pending given its newest row: absent, {@code failed}, {@code rolled_back}, or
     * {@code running} left by a synchronous run (which, since runs are exclusive under the lock, is provably gone
     * when this is asked under the lock).
     */
    static boolean isPending(HistoryRow row, boolean repeat) {
        if (row == null) {
            return true;
        }
        return switch (row.state()) {
            case FAILED, ROLLED_BACK -> true;
            case RUNNING -> row.owner() != null && row.owner().startsWith("run:");
            case COMPLETED -> repeat;
            default -> false;
        };
    }

    static boolean isCompleted(HistoryRow row) {
        return row != null && row.state() == OperationState.COMPLETED;
    }

    public OperationStore store() {
        if (store == null) {
            store = new OperationStore(dialect(), settings.tablePrefix());
        }
        return store;
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
