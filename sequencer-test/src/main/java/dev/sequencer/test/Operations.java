package dev.sequencer.test;

import dev.sequencer.OperationHandler;
import dev.sequencer.RunReport;
import dev.sequencer.internal.execution.SingleRun;
import javax.sql.DataSource;

/**
 * Runs one operation instance as a run would run it, for unit tests of one operation with hand-made collaborators:
 * on a connection of the given DataSource, in its transaction (a transactional operation's writes commit when it
 * completes and roll back when it fails or is skipped), with its {@code LifecycleHooks}, its skip rules
 * ({@code ConditionalExecution}, {@code SkipOperationException}) and the guarded connection of a run; never its
 * {@code rollback()}. Nothing is recorded: the DataSource needs no Sequencer tables.
 *
 * <pre>{@code
 * assertThat(Operations.runOnce(dataSource, new NormalizeEmails())).isEqualTo(RunReport.Outcome.SKIPPED);
 * }</pre>
 */
public final class Operations {

    private Operations() {}

    /**
     * Runs {@code operation} once, recording nothing.
     *
     * @param dataSource the database it runs on
     * @param operation the operation
     * @return {@code COMPLETED}, {@code SKIPPED} or {@code FAILED}
     */
    public static RunReport.Outcome runOnce(DataSource dataSource, OperationHandler operation) {
        return run(dataSource, operation).outcome();
    }

    /**
     * Runs {@code operation} once like {@link #runOnce}.
     *
     * @param dataSource the database it runs on
     * @param operation the operation
     * @return the outcome with its skip reason or failure
     */
    public static OperationRun run(DataSource dataSource, OperationHandler operation) {
        SingleRun.Result result = SingleRun.run(dataSource, operation);
        return new OperationRun(result.outcome(), result.reason(), result.error());
    }
}
