package dev.sequencer;

/**
 * Callbacks around each execution of an operation that implements it, on every path: {@code process()},
 * {@code migrate()}, {@code execute(name)} and asynchronous workers. {@code before} and a successful {@code handle}
 * share the operation's transaction; {@code after} runs once it is committed; {@code failed} once the failure is
 * recorded. An exception from {@code before} fails the operation; one from {@code after} or {@code failed} is logged.
 */
public interface LifecycleHooks {

    /**
     * Called before {@code handle}, in the operation's transaction.
     *
     * @param context the operation's context
     * @throws Exception to fail the operation
     */
    default void before(OperationContext context) throws Exception {}

    /**
     * Called once a successful execution is committed.
     *
     * @param context the operation's context
     * @throws Exception logged; the operation stays completed
     */
    default void after(OperationContext context) throws Exception {}

    /**
     * Called once a failure is recorded.
     *
     * @param context the operation's context
     * @param error the failure
     * @throws Exception logged; the operation stays failed
     */
    default void failed(OperationContext context, Throwable error) throws Exception {}
}
