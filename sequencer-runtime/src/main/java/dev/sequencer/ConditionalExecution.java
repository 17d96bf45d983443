package dev.sequencer;

/**
 * An operation that decides at run time whether it applies. When {@link #shouldRun} returns false the operation is
 * recorded {@code skipped} and never runs again.
 */
public interface ConditionalExecution {

    /**
     * Whether to run now; called inside the operation's transaction, before {@code handle}.
     *
     * @param context the operation's context, its connection included
     * @return true to run the operation, false to record it {@code skipped}
     * @throws Exception to fail the operation, as an exception from {@code handle} would
     */
    boolean shouldRun(OperationContext context) throws Exception;

    /** {@return the reason recorded when {@link #shouldRun} returns false} */
    default String skipReason() {
        return "shouldRun() returned false";
    }
}
