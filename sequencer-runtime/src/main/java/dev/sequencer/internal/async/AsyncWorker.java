package dev.sequencer.internal.async;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import dev.sequencer.SequencerException;
import dev.sequencer.Worker;
import dev.sequencer.internal.config.SequencerSettings;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A db-scheduler {@link Scheduler} over Sequencer's tasks: {@code sequencer.async.threads} threads, polling every
 * {@code sequencer.async.polling-interval}; a worker silent for {@code heartbeat-interval} times
 * {@code missed-heartbeats} is dead and its tasks are revived on another node.
 */
final class AsyncWorker implements Worker {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncWorker.class);
    private static final Duration IDLE_CHECK = Duration.ofMillis(75);
    private static final Set<String> TASKS =
            Set.of(AsyncBackend.OPERATION_TASK, AsyncBackend.DEFERRED_TASK, AsyncBackend.PARTITION_TASK);

    private final Scheduler scheduler;
    private final AsyncBackend backend;
    private final Thread waiter;
    private volatile boolean started;
    private volatile boolean closed;

    AsyncWorker(AsyncBackend backend) {
        this.backend = backend;
        SequencerSettings s = backend.engine().settings();
        int missed = s.asyncMissedHeartbeats(); // validated: at least 4, db-scheduler's minimum
        String name = ("seq-" + ManagementFactory.getRuntimeMXBean().getName());
        this.scheduler = Scheduler.create(backend.engine().dataSource(), backend.tasks())
                .tableName(backend.tasksTable().name())
                .serializer(TextSerializer.INSTANCE)
                .jdbcCustomization(backend.customization())
                .threads(s.asyncThreads())
                .pollingInterval(s.asyncPollingInterval())
                .heartbeatInterval(s.asyncHeartbeatInterval())
                .missedHeartbeatsLimit(missed)
                .schedulerName(new SchedulerName.Fixed(name.length() > 50 ? name.substring(0, 50) : name))
                .build();
        if (backend.tablesExist()) {
            waiter = null;
            start();
        } else {
            LOG.info(
                    "No run has prepared this database yet; the worker starts once {} exists",
                    backend.tasksTable().name());
            waiter = new Thread(() -> waitForTables(s.asyncPollingInterval()), "sequencer-worker-waiting");
            waiter.setDaemon(true);
            waiter.start();
        }
    }

    private void waitForTables(Duration polling) {
        while (!closed && !backend.tablesExist()) {
            try {
                Thread.sleep(polling.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
        start();
    }

    private synchronized void start() {
        if (closed || started) {
            return;
        }
        scheduler.start();
        started = true;
        SequencerSettings s = backend.engine().settings();
        LOG.info(
                "Sequencer worker started: {} thread(s), polling every {}", s.asyncThreads(), s.asyncPollingInterval());
    }

    /**
     * Waits until nothing is executing here and no Sequencer task is picked anywhere or due before the wait ends (a
     * retry scheduled within the wait counts as work still to do).
     */
    @Override
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Instant end = Instant.now().plus(timeout);
        while (true) {
            if (idle(end)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(IDLE_CHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean idle(Instant end) {
        if (closed) {
            throw new SequencerException("This worker is closed");
        }
        if (!started) {
            return !backend.tablesExist(); // no table yet: nothing can be due; once it exists, the worker starts
        }
        if (!scheduler.getCurrentlyExecuting().isEmpty()) {
            return false;
        }
        try (Connection c = backend.engine().dataSource().getConnection()) {
            return !backend.tasksTable().busyBefore(c, TASKS, end, backend.customization());
        } catch (SQLException e) {
            LOG.debug("Cannot read {}; not idle yet", backend.tasksTable().name(), e);
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (waiter != null) {
                waiter.interrupt();
            }
            if (started) {
                scheduler.stop();
            }
        }
    }
}
