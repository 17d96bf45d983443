package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.execution.OperationExecutor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;

/** What an {@link Orchestration} needs of the run it serves: the steps that take one operation through it. */
interface RunSteps {

    /**
     * The first dependency of {@code op} that is not completed, neither before the run nor by
     * {@code completedMeanwhile}, or {@code null} when it may run.
     */
    String unmetDependency(OperationDescriptor op, Predicate<String> completedMeanwhile);

    /** Hands {@code op} to the asynchronous backend when it runs asynchronously in this run; whether it did. */
    boolean dispatchIfAsynchronous(OperationDescriptor op);

    /** Marks {@code op} taken by this run (closing out an interrupted earlier attempt) and sends its started event. */
    void starting(OperationDescriptor op);

    /** The attempt number of {@code op}'s next row. */
    int nextAttempt(OperationDescriptor op);

    /** Runs {@code op} with its retries and books the outcome; a failure that may not pass ends the run. */
    void runOne(OperationDescriptor op);

    /** Runs {@code op}'s attempts with its retries, booking nothing; safe to call from several threads. */
    Retries.Attempted attempt(OperationDescriptor op, int first, Consumer<Retries.Attempted> onRetry);

    /** Books a failed attempt that was retried. */
    void bookRetried(OperationDescriptor op, Retries.Attempted attempt);

    /** Books an outcome; whether it is a failure that ends the run. */
    boolean book(OperationDescriptor op, Execution execution, int attempt);

    /** Undoes the run's rollbackable operations and throws the first of {@code failures}, naming the others. */
    void fail(List<Failed> failures);

    /** Undoes the run's rollbackable operations and throws {@code cause}, an error nothing could record. */
    void abort(RuntimeException cause);

    /** A failure that ends the run. */
    record Failed(OperationDescriptor op, Execution execution) {}

    /** The executor of single attempts. */
    OperationExecutor executor();

    /** The database, for a batch's own connection. */
    DataSource dataSource();

    /** {@code sequencer.orchestrator.threads}. */
    int threads();
}
