package dev.sequencer.internal.execution;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.RunReport;
import java.util.List;
import javax.sql.DataSource;

/**
 * One operation instance run exactly as a run would run it (its transaction and guarded connection, its skip rules,
 * its hooks; never its {@code rollback()}), recording nothing: the test kit's {@code Operations.runOnce}.
 */
public final class SingleRun {

    private SingleRun() {}

    /**
     * How the run ended.
     *
     * @param outcome {@code COMPLETED}, {@code SKIPPED} or {@code FAILED}
     * @param reason the skip reason or failure message, or {@code null}
     * @param error the failure, or {@code null}
     */
    public record Result(RunReport.Outcome outcome, String reason, Throwable error) {}

    /** Runs {@code handler} once on a connection of {@code dataSource}, transactionally. */
    public static Result run(DataSource dataSource, OperationHandler handler) {
        OperationDescriptor op = descriptor(handler);
        OperationExecutor executor =
                new OperationExecutor(dataSource, null, new Instantiation(null), "test", null, Listeners.NONE);
        Execution e = executor.executeUnrecorded(op);
        RunReport.Outcome outcome = switch (e.outcome()) {
            case COMPLETED -> RunReport.Outcome.COMPLETED;
            case SKIPPED -> RunReport.Outcome.SKIPPED;
            default -> RunReport.Outcome.FAILED;
        };
        return new Result(outcome, e.reason(), e.error());
    }

    private static OperationDescriptor descriptor(OperationHandler handler) {
        String className = handler.getClass().getName();
        OperationDescriptor.Source source = new OperationDescriptor.Source() {
            @Override
            public Class<? extends OperationHandler> type() {
                return handler.getClass();
            }

            @Override
            public OperationHandler newInstance() {
                return handler;
            }
        };
        return new OperationDescriptor(
                "run_once_" + handler.getClass().getSimpleName(),
                "00000000000000",
                className,
                "",
                List.of(),
                List.of(),
                null,
                true,
                false,
                true,
                source);
    }
}
