package dev.sequencer.internal.async;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.sequencer.DeferredDescriptor;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationState;
import dev.sequencer.SequencerException;
import dev.sequencer.Worker;
import dev.sequencer.internal.engine.Backend;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.execution.Transactions;
import dev.sequencer.internal.lock.SequencerLock;
import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.internal.store.Attempt;
import dev.sequencer.internal.store.HistoryRow;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous backend on db-scheduler: one table {@code <prefix>scheduled_tasks} in the application database,
 * task {@value #OPERATION_TASK} (instance = operation name, data = the attempt number of the dispatch) and task
 * {@value #DEFERRED_TASK} (instance = deferred task id, data = the JSON payload). Everything is created lazily, so
 * nothing touches the database before it is used.
 */
public final class AsyncBackend implements Backend {

    static final String OPERATION_TASK = "sequencer-operation";
    static final String DEFERRED_TASK = "sequencer-deferred";
    static final String PARTITION_TASK = "sequencer-partition";
    private static final Logger LOG = LoggerFactory.getLogger(AsyncBackend.class);

    private final Engine engine;
    private final Map<String, DeferredDescriptor> deferred;
    private final String owner =
            "dispatch:" + ManagementFactory.getRuntimeMXBean().getName();
    private final TaskRunner runner;
    private final List<Task<?>> tasks;
    private volatile OperationAttempts bridge;
    private volatile JdbcCustomization customization;
    private volatile TaskTable taskTable;
    private volatile DeferredStore deferredStore;
    private volatile boolean tablesReady;

    public AsyncBackend(Engine engine, List<DeferredDescriptor> handlers) {
        this.engine = engine;
        this.deferred = DeferredAliases.of(handlers);
        this.runner = new TaskRunner(this);
        TaskFailures failures = new TaskFailures(this);
        this.tasks = List.of(
                Tasks.custom(OPERATION_TASK, String.class)
                        .onFailure(failures)
                        .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                        .execute(runner::operation),
                Tasks.custom(DEFERRED_TASK, String.class)
                        .onFailure(failures)
                        .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                        .execute(runner::deferred),
                Tasks.custom(PARTITION_TASK, String.class)
                        .onFailure(failures)
                        .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                        .execute(runner::partition));
    }

    @Override
    public String dispatch(OperationDescriptor op, int attempt) {
        ensureTables();
        return inTransaction(op, c -> dispatchIn(c, op, attempt));
    }

    @Override
    public boolean batchable(OperationDescriptor op) {
        return !op.policy().partitioned() && !OperationAttempts.isScheduled(op);
    }

    @Override
    public void dispatchAll(List<Dispatch> batch) {
        if (batch.isEmpty()) {
            return;
        }
        ensureTables();
        Instant now = Instant.now();
        List<Attempt> rows = new ArrayList<>(batch.size());
        List<TaskInstance<?>> tasks = new ArrayList<>(batch.size());
        for (Dispatch d : batch) {
            rows.add(Attempt.open(d.op(), OperationState.DISPATCHED, d.attempt(), owner, null, now));
            tasks.add(new TaskInstance<>(OPERATION_TASK, d.op().name(), String.valueOf(d.attempt())));
        }
        inTransaction(batch.get(0).op(), c -> {
            engine.store().insertAll(c, rows);
            client(c).scheduleBatch(tasks, now);
            return null;
        });
        for (Dispatch d : batch) {
            LOG.info("Dispatched operation {}", d.op().name());
        }
    }

    /** Writes {@code op}'s {@code dispatched} row and its task in the caller's transaction; returns the detail. */
    private String dispatchIn(Connection c, OperationDescriptor op, int attempt) throws SQLException {
        Instant now = Instant.now();
        Instant due = bridge().executeAt(op, c, attempt, now);
        String detail = due.isAfter(now) ? "due at " + due : "";
        engine.store()
                .insert(
                        c,
                        Attempt.open(
                                op, OperationState.DISPATCHED, attempt, owner, detail.isEmpty() ? null : detail, now));
        if (op.policy().partitioned()) {
            String partitions = new PartitionDispatch(engine, bridge()).dispatch(c, client(c), op, attempt, due);
            detail = detail.isEmpty() ? partitions : partitions + ", " + detail;
            LOG.info("Dispatched operation {} ({})", op.name(), detail);
            return detail;
        }
        TaskInstance<String> task = new TaskInstance<>(OPERATION_TASK, op.name(), String.valueOf(attempt));
        if (!client(c).scheduleIfNotExists(task, due)) {
            throw new SequencerException("Operation " + op.name() + " cannot be dispatched: a task for it is"
                    + " already in " + taskTable.name() + "; a worker will run it");
        }
        LOG.info("Dispatched operation {}{}", op.name(), detail.isEmpty() ? "" : " (" + detail + ")");
        return detail;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own: committed, or rolled back with nothing stored. The first failure
     * is the one thrown, named after {@code op}; a failure to roll back or close is added to it.
     */
    private <T> T inTransaction(OperationDescriptor op, Work<T> work) {
        Connection c = null;
        Throwable failure = null;
        try {
            c = engine.dataSource().getConnection();
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (Throwable e) {
            failure = e;
            if (c != null) {
                Transactions.rollBack(c, e);
            }
            if (e instanceof SequencerException sequencerException
                    && sequencerException.getMessage().startsWith("Operation " + op.name())) {
                throw sequencerException;
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw new SequencerException(
                    "Operation " + op.name() + ": dispatching it failed: " + Execution.message(e)
                            + " (nothing was stored: neither its dispatched row nor its task; it stays pending)",
                    e);
        } finally {
            if (c != null) {
                Transactions.close(c, failure);
            }
        }
    }

    @Override
    public String defer(String alias, String jsonPayload, Instant dueAt) {
        Objects.requireNonNull(jsonPayload, "jsonPayload");
        if (!deferred.containsKey(alias)) {
            throw new SequencerException(RuntimeMessage.UNKNOWN_ALIAS.format(
                    alias, deferred.isEmpty() ? "none" : String.join(", ", deferred.keySet())));
        }
        ensureTables();
        String id = UUID.randomUUID().toString();
        Instant due = dueAt == null ? Instant.now() : dueAt;
        Connection c = null;
        Throwable failure = null;
        try {
            c = engine.dataSource().getConnection();
            c.setAutoCommit(false);
            deferredStore.insert(c, id, alias, due);
            client(c).scheduleIfNotExists(new TaskInstance<>(DEFERRED_TASK, id, jsonPayload), due);
            c.commit();
            return id;
        } catch (SQLException | RuntimeException e) {
            failure = e;
            if (c != null) {
                Transactions.rollBack(c, e);
            }
            throw new SequencerException(
                    "Deferring a task for '" + alias + "' failed: " + Execution.message(e) + " (nothing was stored)",
                    e);
        } finally {
            if (c != null) {
                Transactions.close(c, failure);
            }
        }
    }

    /**
     * Hands a {@code dispatched} operation whose task is lost to the workers again, under the Sequencer lock. Refused
     * while a worker is running it (the worker holds a lock on its newest history row; its task may have been deleted
     * by hand): a second copy would run. The new {@code dispatched} row is written while that row is locked, so a
     * worker that claims the old attempt afterwards finds the newer one and gives up.
     */
    @Override
    public void redispatch(String name) {
        OperationDescriptor op = engine.operation(name);
        if (op == null) {
            throw new SequencerException(RuntimeMessage.UNKNOWN_OPERATION.format(name));
        }
        try (SequencerLock lock = engine.acquireLock(engine.settings().lockTimeout())) {
            Set<String> present = operationTasks();
            HistoryRow row = engine.history().get(name);
            if (row == null || row.state() != OperationState.DISPATCHED) {
                throw new SequencerException("Operation " + name + " is not dispatched (it is "
                        + (row == null ? "pending" : row.state().dbValue()) + "); process() runs it if it is pending");
            }
            if (present.contains(name)) {
                throw new SequencerException(
                        "Operation " + name + " still has its task in " + taskTable.name() + "; a worker will run it");
            }
            ensureTables();
            inTransaction(op, c -> {
                String locked = engine.store().lockUnlessBusy(c, row.id());
                if (locked != null) {
                    throw new SequencerException(RuntimeMessage.REDISPATCH_REFUSED.format(name, locked));
                }
                return dispatchIn(c, op, row.attempts() + 1);
            });
        } catch (SQLException e) {
            throw new SequencerException("Cannot re-dispatch " + name + ": " + e.getMessage(), e);
        }
    }

    /** The names of the operations that have a task: their own, or one of their partitions'. */
    @Override
    public Set<String> operationTasks() {
        try (Connection c = engine.dataSource().getConnection()) {
            Set<String> names = new HashSet<>(tasksTable().instances(c, OPERATION_TASK));
            tasksTable().instances(c, PARTITION_TASK).forEach(i -> names.add(PartitionDispatch.operationOf(i)));
            return names;
        } catch (SQLException e) {
            throw new SequencerException("Cannot read " + tasksTable().name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String lostMessage(String name) {
        return RuntimeMessage.LOST.format(engine.settings().tablePrefix(), name);
    }

    /**
     * Starts a worker in this JVM. It does not create tables: a worker started on a database that no run has touched
     * yet waits for the first run to create them (creating them itself would leave Flyway a non-empty schema without
     * its history table, which Flyway refuses to migrate).
     */
    @Override
    public Worker worker() {
        return new AsyncWorker(this);
    }

    /** Whether the task table exists, i.e. a run or a defer() has prepared the database for workers. */
    boolean tablesExist() {
        if (tablesReady) {
            return true;
        }
        try (Connection c = engine.dataSource().getConnection()) {
            return tasksTable().exists(c);
        } catch (SQLException e) {
            LOG.debug("Cannot check for {}", tasksTable().name(), e);
            return false;
        }
    }

    Engine engine() {
        return engine;
    }

    List<Task<?>> tasks() {
        return tasks;
    }

    DeferredDescriptor handler(String alias) {
        return deferred.get(alias);
    }

    DeferredStore deferredStore() {
        if (deferredStore == null) {
            deferredStore =
                    new DeferredStore(engine.dialect(), engine.settings().tablePrefix());
        }
        return deferredStore;
    }

    OperationAttempts bridge() {
        if (bridge == null) {
            bridge = new OperationAttempts(
                    engine, "worker:" + ManagementFactory.getRuntimeMXBean().getName() + ":" + UUID.randomUUID());
        }
        return bridge;
    }

    JdbcCustomization customization() {
        if (customization == null) {
            customization = new AutodetectJdbcCustomization(engine.dataSource(), true);
        }
        return customization;
    }

    TaskTable tasksTable() {
        if (taskTable == null) {
            taskTable = new TaskTable(engine.dialect(), engine.settings().tablePrefix());
        }
        return taskTable;
    }

    private SchedulerClient client(Connection transaction) {
        return SchedulerClient.Builder.create(new ConnectionDataSource(transaction), tasks)
                .tableName(tasksTable().name())
                .serializer(TextSerializer.INSTANCE)
                .jdbcCustomization(customization())
                .build();
    }

    /** Creates db-scheduler's table and the deferred table if absent; safe when several nodes race. */
    private void ensureTables() {
        if (tablesReady) {
            return;
        }
        TaskTable table = tasksTable();
        DeferredStore store =
                new DeferredStore(engine.dialect(), engine.settings().tablePrefix());
        try (Connection c = engine.dataSource().getConnection()) {
            c.setAutoCommit(true);
            for (int i = 0; ; i++) {
                try {
                    table.createIfAbsent(c);
                    store.createIfAbsent(c);
                    engine.partitions().createIfAbsent(c);
                    break;
                } catch (SQLException e) {
                    if (i >= 2) {
                        throw e;
                    }
                    LOG.debug("Creating the asynchronous tables raced with another node; trying again", e);
                }
            }
        } catch (SQLException e) {
            throw new SequencerException(
                    "Cannot create " + table.name() + " or " + store.name() + ": " + e.getMessage()
                            + " (check that the user may create tables)",
                    e);
        }
        deferredStore = store;
        tablesReady = true;
    }
}
