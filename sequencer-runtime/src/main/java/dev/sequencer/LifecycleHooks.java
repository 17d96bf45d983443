package dev.sequencer;

/**
 * Callbacks around each execution of an operation that implements it, on every path: {@code process()},
 * {@code migrate()}, {@code execute(name)} and asynchronous workers. {@code before} and a successful {@code handle}
 * share the operation's transaction; {@code after} runs once it is committed; {@code failed} once the failure is
 * recorded. An exception from {@code before} fails the operation; one from {@code after} or {@code failed} is logged.
 */
public interface LifecycleHooks {

    default void before(OperationContext context) throws Exception {}

    default void after(OperationContext context) throws Exception {}

    default void failed(OperationContext context, Throwable error) throws Exception {}
}
