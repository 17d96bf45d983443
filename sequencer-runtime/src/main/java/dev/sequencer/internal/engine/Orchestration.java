package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.execution.OperationExecutor;
import dev.sequencer.internal.execution.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The orchestration named {@code name} ({@code sequencer.orchestrator}, validated with the settings). */
    static Orchestration named(String name) {
        return switch (name) {
            case "transactional-batch" -> new TransactionalBatch();
            case "parallel" -> new Parallel();
            default -> new Sequential();
        };
    }

    /**
     * Runs {@code due}, ordered by timestamp then name, through the steps of its run; dependents of unfinished
     * operations stay pending.
     */
    abstract void run(List<OperationDescriptor> due, RunSteps session);

    /** One after the other, each in its own transaction. */
    static final class Sequential extends Orchestration {
        @Override
        void run(List<OperationDescriptor> due, RunSteps session) {
            for (OperationDescriptor op : due) {
                if (session.unmetDependency(op, d -> false) == null && !session.dispatchIfAsynchronous(op)) {
                    session.runOne(op);
                }
            }
        }
    }

    /**
     * All synchronous transactional operations of this interleaving point in one transaction, each behind a savepoint
     * of its own. A failure that may not pass rolls the whole batch back: no write and no {@code completed} row of
     * any of them remains (the failure itself is recorded). An operation allowed to fail rolls back to its savepoint,
     * is recorded {@code failed}, and its neighbours keep their work. Retries and time limits do not apply inside a
     * batch; non-transactional operations run on their own before it.
     */
    static final class TransactionalBatch extends Orchestration {
        @Override
        void run(List<OperationDescriptor> due, RunSteps session) {
            List<OperationDescriptor> batch = new ArrayList<>();
            for (OperationDescriptor op : due) {
                if (session.unmetDependency(op, d -> false) == null && session.dispatchIfAsynchronous(op)) {
                    continue; // dispatched in a transaction of its own, outside the batch
                }
                if (!op.transactional()) {
                    if (session.unmetDependency(op, d -> false) == null) {
                        session.runOne(op);
                    }
                } else {
                    batch.add(op);
                }
            }
            if (!batch.isEmpty()) {
                runBatch(batch, session);
            }
        }

        /** One operation's part of the batch, in run order. */
        private record Ran(OperationDescriptor op, int attempt, OperationExecutor.InBatch result, Execution booked) {}

        private void runBatch(List<OperationDescriptor> batch, RunSteps session) {
            OperationExecutor executor = session.executor();
            List<Ran> ran = new ArrayList<>();
            Set<String> completedInBatch = new HashSet<>();
            Connection c;
            try {
                c = session.dataSource().getConnection();
            } catch (SQLException e) {
                throw new SequencerException(
                        "The transactional batch cannot start: no connection: " + e.getMessage() + " (nothing ran)", e);
            }
            Throwable batchFailure = null;
            try {
                c.setAutoCommit(false);
                for (OperationDescriptor op : batch) {
                    if (session.unmetDependency(op, completedInBatch::contains) != null) {
                        continue; // reported waiting at the end of the run
                    }
                    session.starting(op);
                    int attempt = session.nextAttempt(op);
                    OperationExecutor.InBatch result = executor.executeInBatch(c, op, attempt);
                    if (result.execution().outcome() != Execution.Outcome.FAILED) {
                        if (result.execution().outcome() == Execution.Outcome.COMPLETED) {
                            completedInBatch.add(op.name());
                        }
                        ran.add(new Ran(op, attempt, result, result.execution()));
                    } else if (op.policy().allowedToFail()) {
                        // rolled back to its savepoint; recorded at once, whatever happens to the batch
                        ran.add(new Ran(op, attempt, result, executor.recordBatchFailure(op, attempt, result)));
                    } else {
                        c.rollback();
                        LOG.error(
                                "Operation {} failed: the batch of {} operation(s) is rolled back",
                                op.name(),
                                ran.size() + 1);
                        Execution recorded = executor.recordBatchFailure(op, attempt, result);
                        bookAllowedFailures(ran, session);
                        session.book(op, recorded, attempt);
                        session.fail(List.of(new RunSteps.Failed(op, recorded))); // it may not fail: throws
                        return;
                    }
                }
                c.commit();
            } catch (SQLException e) {
                batchFailure = e;
                Transactions.rollBack(c, e);
            } finally {
                Transactions.close(c, batchFailure);
            }
            if (batchFailure != null) {
                failAll(ran, batchFailure, session);
                return;
            }
            List<RunSteps.Failed> failures = new ArrayList<>();
            for (Ran r : ran) {
                if (r.booked().outcome() == Execution.Outcome.COMPLETED) {
                    r.result().completed();
                }
                if (session.book(r.op(), r.booked(), r.attempt())) {
                    failures.add(new RunSteps.Failed(r.op(), r.booked()));
                }
            }
            if (!failures.isEmpty()) {
                session.fail(failures);
            }
        }

        private void bookAllowedFailures(List<Ran> ran, RunSteps session) {
            for (Ran r : ran) {
                if (r.booked().outcome() == Execution.Outcome.FAILED) {
                    session.book(r.op(), r.booked(), r.attempt());
                }
            }
        }

        /** The batch's commit (or its database) failed: every operation of it is recorded failed with that cause. */
        private void failAll(List<Ran> ran, Throwable cause, RunSteps session) {
            List<RunSteps.Failed> failures = new ArrayList<>();
            for (Ran r : ran) {
                Execution booked = r.booked();
                if (booked.outcome() != Execution.Outcome.FAILED) {
                    OperationExecutor.InBatch failedInBatch = r.result().failedBy(cause);
                    booked = session.executor().recordBatchFailure(r.op(), r.attempt(), failedInBatch);
                }
                session.book(r.op(), booked, r.attempt());
                failures.add(new RunSteps.Failed(r.op(), booked));
            }
            if (failures.isEmpty()) {
                session.abort(new SequencerException(
                        "The transactional batch failed: " + Execution.message(cause)
                                + " (nothing of the batch was committed; run again)",
                        cause));
            }
            session.fail(failures);
        }
    }

    /**
     * Operations whose dependencies are met run concurrently on a bounded pool, in waves: a wave starts once the
     * previous one has finished, so {@code dependsOn} is respected; the whole set belongs to one interleaving point,
     * so no operation overtakes a migration. Every outcome of a wave is booked, in registry order, before a failure
     * ends the run: each failure is reported, and every rollbackable operation the run completed is undone.
     */
    static final class Parallel extends Orchestration {
        @Override
        void run(List<OperationDescriptor> due, RunSteps session) {
            int threads = session.threads();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "sequencer-parallel");
                t.setDaemon(true);
                return t;
            });
            try {
                List<OperationDescriptor> remaining = new ArrayList<>(due);
                while (true) {
                    List<OperationDescriptor> ready = remaining.stream()
                            .filter(op -> session.unmetDependency(op, d -> false) == null)
                            .toList();
                    if (ready.isEmpty()) {
                        return;
                    }
                    remaining.removeAll(ready);
                    List<OperationDescriptor> wave = ready.stream()
                            .filter(op -> !session.dispatchIfAsynchronous(op))
                            .toList();
                    runWave(pool, wave, session);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private void runWave(ExecutorService pool, List<OperationDescriptor> wave, RunSteps session) {
            Map<OperationDescriptor, Future<Retries.Attempted>> futures = new LinkedHashMap<>();
            Map<OperationDescriptor, List<Retries.Attempted>> retried = new LinkedHashMap<>();
            for (OperationDescriptor op : wave) {
                session.starting(op);
                int first = session.nextAttempt(op);
                List<Retries.Attempted> retries = new ArrayList<>();
                retried.put(op, retries);
                futures.put(op, pool.submit(() -> session.attempt(op, first, retries::add)));
            }
            List<RunSteps.Failed> failures = new ArrayList<>();
            List<Throwable> unrecorded = new ArrayList<>();
            for (Map.Entry<OperationDescriptor, Future<Retries.Attempted>> entry : futures.entrySet()) {
                OperationDescriptor op = entry.getKey();
                Retries.Attempted last;
                try {
                    last = entry.getValue().get();
                } catch (ExecutionException e) {
                    unrecorded.add(e.getCause()); // recording failed: the error names the operation
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    session.abort(new SequencerException("Interrupted while parallel operations were running"));
                    return;
                }
                for (Retries.Attempted attempt : retried.get(op)) {
                    session.bookRetried(op, attempt);
                }
                if (session.book(op, last.execution(), last.attempt())) {
                    failures.add(new RunSteps.Failed(op, last.execution()));
                }
            }
            if (!failures.isEmpty()) {
                try {
                    session.fail(failures);
                } catch (RuntimeException e) {
                    unrecorded.forEach(e::addSuppressed);
                    throw e;
                }
            }
            if (!unrecorded.isEmpty()) {
                RuntimeException first = unrecorded.get(0) instanceof RuntimeException r
                        ? r
                        : new SequencerException(
                                "A parallel operation could not run: " + unrecorded.get(0), unrecorded.get(0));
                unrecorded.stream().skip(1).forEach(first::addSuppressed);
                session.abort(first);
            }
        }
    }
}
