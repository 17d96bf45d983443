package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationState;
import dev.sequencer.SequencerException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the due operations of one interleaving point run ({@code sequencer.orchestrator}). Whatever the mode, an
 * operation never runs before the migrations it follows are committed, nor after a migration it precedes.
 */
abstract class Orchestration {

    private static final Logger LOG = LoggerFactory.getLogger(Orchestration.class);

    final RunSession session;

    Orchestration(RunSession session) {
        this.session = session;
    }

    static Orchestration named(String name, RunSession session) {
        return switch (name) {
            case "transactional-batch" -> new TransactionalBatch(session);
            case "parallel" -> new Parallel(session);
            default -> new Sequential(session);
        };
    }

    /** Runs {@code due}, ordered by timestamp then name; dependents of unfinished operations stay pending. */
    abstract void run(List<OperationDescriptor> due);

    /** One after the other, each in its own transaction. */
    static final class Sequential extends Orchestration {
        Sequential(RunSession session) {
            super(session);
        }

        @Override
        void run(List<OperationDescriptor> due) {
            for (OperationDescriptor op : due) {
                if (session.unmetDependency(op) == null && !session.dispatchIfAsynchronous(op)) {
                    session.runOne(op);
                }
            }
        }
    }

    /**
     * All synchronous operations of this interleaving point in one transaction: one failure leaves no write and no
     * {@code completed} row of any of them (the failure itself is recorded). Retries and time limits do not apply
     * inside a batch; non-transactional operations run on their own before the batch.
     */
    static final class TransactionalBatch extends Orchestration {
        TransactionalBatch(RunSession session) {
            super(session);
        }

        @Override
        void run(List<OperationDescriptor> due) {
            List<OperationDescriptor> batch = new ArrayList<>();
            for (OperationDescriptor op : due) {
                if (session.unmetDependency(op) == null && session.dispatchIfAsynchronous(op)) {
                    continue; // dispatched in a transaction of its own, outside the batch
                }
                if (!op.transactional()) {
                    if (session.unmetDependency(op) == null) {
                        session.runOne(op);
                    }
                } else {
                    batch.add(op);
                }
            }
            if (!batch.isEmpty()) {
                runBatch(batch);
            }
        }

        private void runBatch(List<OperationDescriptor> batch) {
            Map<OperationDescriptor, Execution> done = new LinkedHashMap<>();
            Map<OperationDescriptor, Integer> attempts = new LinkedHashMap<>();
            try (Connection c = session.engine().dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    for (OperationDescriptor op : batch) {
                        if (!dependenciesMetWithin(op, done)) {
                            continue;
                        }
                        session.starting(op);
                        int attempt = session.nextAttempt(op);
                        Execution execution = session.executor().executeInBatch(c, op, attempt);
                        if (execution.state() == OperationState.FAILED) {
                            c.rollback();
                            c.setAutoCommit(true);
                            LOG.error(
                                    "Operation {} failed: the batch of {} operation(s) is rolled back",
                                    op.name(),
                                    done.size() + 1);
                            Execution recorded = session.executor()
                                    .recordFailure(
                                            op,
                                            attempt,
                                            java.time.Instant.now(),
                                            execution.handler(),
                                            execution.error());
                            session.finish(op, recorded, attempt); // throws unless allowed to fail
                            return;
                        }
                        done.put(op, execution);
                        attempts.put(op, attempt);
                    }
                    c.commit();
                } finally {
                    if (!c.isClosed()) {
                        c.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                throw new SequencerException(
                        "The transactional batch failed: " + e.getMessage()
                                + " (nothing of the batch was committed; run again)",
                        e);
            }
            done.forEach((op, execution) -> session.finish(op, execution, attempts.get(op)));
        }

        /** Each dependency completed earlier, or completed inside this (still uncommitted) batch. */
        private boolean dependenciesMetWithin(OperationDescriptor op, Map<OperationDescriptor, Execution> done) {
            for (String dependency : op.dependsOn()) {
                boolean inBatch = done.entrySet().stream()
                        .anyMatch(e -> e.getKey().name().equals(dependency)
                                && e.getValue().state() == OperationState.COMPLETED);
                if (!inBatch && !session.isCompleted(dependency)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Operations whose dependencies are met run concurrently on a bounded pool, in waves: a wave starts once the
     * previous one has finished, so {@code dependsOn} is respected; the whole set belongs to one interleaving point,
     * so no operation overtakes a migration.
     */
    static final class Parallel extends Orchestration {
        Parallel(RunSession session) {
            super(session);
        }

        @Override
        void run(List<OperationDescriptor> due) {
            int threads = session.engine().settings().orchestratorThreads();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "sequencer-parallel");
                t.setDaemon(true);
                return t;
            });
            try {
                List<OperationDescriptor> remaining = new ArrayList<>(due);
                while (true) {
                    List<OperationDescriptor> ready = remaining.stream()
                            .filter(op -> session.unmetDependency(op) == null)
                            .toList();
                    if (ready.isEmpty()) {
                        return;
                    }
                    remaining.removeAll(ready);
                    List<OperationDescriptor> wave = ready.stream()
                            .filter(op -> !session.dispatchIfAsynchronous(op))
                            .toList();
                    runWave(pool, wave);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private void runWave(ExecutorService pool, List<OperationDescriptor> wave) {
            Map<OperationDescriptor, Future<RunSession.Attempted>> futures = new LinkedHashMap<>();
            for (OperationDescriptor op : wave) {
                session.starting(op);
                int first = session.nextAttempt(op);
                // Failed attempts that are retried are in the history table; the run books the last one.
                futures.put(op, pool.submit(() -> session.attempt(op, first, retried -> {})));
            }
            List<Runnable> outcomes = new ArrayList<>();
            RuntimeException failure = null;
            for (Map.Entry<OperationDescriptor, Future<RunSession.Attempted>> entry : futures.entrySet()) {
                try {
                    RunSession.Attempted last = entry.getValue().get();
                    outcomes.add(() -> session.finish(entry.getKey(), last.execution(), last.attempt()));
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof RuntimeException r
                            ? r
                            : new SequencerException(
                                    "Operation " + entry.getKey().name() + " could not run: " + e.getCause(),
                                    e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SequencerException("Interrupted while parallel operations were running");
                }
            }
            if (failure != null) {
                throw failure;
            }
            // Book the outcomes in registry order; the first failure that may not pass ends the run.
            outcomes.forEach(Runnable::run);
        }
    }
}
