package dev.sequencer;

/**
 * An operation whose effect can be undone. When a later operation of the same run fails, Sequencer calls
 * {@link #rollback} on each completed {@code Rollbackable} operation of that run, newest first, and records it
 * {@code rolled_back}; a rolled-back operation is pending again.
 */
public interface Rollbackable {

    /**
     * Undoes what {@code handle} did; runs in its own transaction on {@link OperationContext#connection()}.
     *
     * @param context the operation's context
     * @throws Exception when the rollback fails
     */
    void rollback(OperationContext context) throws Exception;
}
