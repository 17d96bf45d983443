package dev.sequencer.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * B6: N asynchronous no-op operations dispatched by process() and drained by a 2-thread Sequencer worker vs
 * db-scheduler alone scheduling N one-time no-op tasks and draining them with 2 threads, on PostgreSQL.
 *
 */
final class B6Async {

    private static final Duration POLLING = Duration.ofMillis(100);

    private B6Async() {}

    static Row run(Config config) throws Exception {
        int n = config.b6();
        String label = String.format("%,d", n);
        String comparison = "async process()+2-thread worker vs db-scheduler alone, PostgreSQL";
        List<OperationDescriptor> registry = Registries.first(n, true);
        Sample[] s = Harness.compare(config, () -> sequencerSide(config, registry), () -> dbSchedulerAlone(config, n));
        return new Row("B6", comparison, label, s[0], s[1], "ms", false, 1.3, null);
    }

    /**
     * Timed: process() dispatches N @Asynchronous operations, a worker with 2 threads runs them, until idle.
     */
    private static long sequencerSide(Config config, List<OperationDescriptor> registry) throws Exception {
        try (Db db = Db.fresh(Db.Kind.POSTGRESQL, config.postgresUrl());
                Sequencer sequencer = Seq.over(db.dataSource, registry)) {
            long t0 = System.nanoTime();
            try (Worker worker = sequencer.worker()) {
                RunReport report = sequencer.process();
                if (report.operations().size() != registry.size()) {
                    throw new IllegalStateException(
                            "process() reported " + report.operations().size());
                }
                if (!worker.awaitIdle(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("the worker did not drain in 5 minutes");
                }
            }
            long elapsed = System.nanoTime() - t0;
            long completed = sequencer.status().stream()
                    .filter(st -> st.state() == dev.sequencer.OperationState.COMPLETED)
                    .count();
            if (completed != registry.size()) {
                throw new IllegalStateException("only " + completed + " operations completed");
            }
            return elapsed;
        }
    }

    /** Timed: schedule N one-time tasks (one insert + commit each), start 2 threads, wait until all ran. */
    static long dbSchedulerAlone(Config config, int n) throws Exception {
        try (Db db = Db.fresh(Db.Kind.POSTGRESQL, config.postgresUrl())) {
            db.execute(
                    "create table scheduled_tasks (task_name text not null, task_instance text not null,"
                            + " task_data bytea, execution_time timestamp with time zone not null, picked boolean"
                            + " not null, picked_by text, last_success timestamp with time zone, last_failure"
                            + " timestamp with time zone, consecutive_failures int, last_heartbeat timestamp with"
                            + " time zone, version bigint not null, priority smallint, primary key (task_name,"
                            + " task_instance))",
                    "create index execution_time_idx on scheduled_tasks (execution_time)",
                    "create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)",
                    "create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time"
                            + " asc)");
            AtomicInteger done = new AtomicInteger();
            OneTimeTask<Void> task = Tasks.oneTime("bench-noop").execute((instance, context) -> done.incrementAndGet());
            Scheduler scheduler = Scheduler.create(db.dataSource, task)
                    .threads(2)
                    .pollingInterval(POLLING)
                    .build();
            try {
                long t0 = System.nanoTime();
                Instant now = Instant.now();
                for (int i = 0; i < n; i++) {
                    scheduler.scheduleIfNotExists(task.instance("op-" + i), now);
                }
                scheduler.start();
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (done.get() < n) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("db-scheduler ran only " + done.get() + " of " + n);
                    }
                    Thread.sleep(5);
                }
                return System.nanoTime() - t0;
            } finally {
                scheduler.stop();
            }
        }
    }
}
