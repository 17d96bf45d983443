package dev.sequencer;

/**
 * An operation that decides at run time whether it applies. When {@link #shouldRun} returns false the operation is
 * recorded {@code skipped} and never runs again.
 */
public interface ConditionalExecution {

    /** Whether to run now; called inside the operation's transaction, before {@code handle}. */
    boolean shouldRun(OperationContext context) throws Exception;

    /** The reason recorded when {@link #shouldRun} returns false. */
    default String skipReason() {
        return "shouldRun() returned false";
    }
}
