package dev.sequencer;

/**
 * Builds operations through dependency injection. Needed for operations without an accessible no-argument
 * constructor; the generated registry builds the others itself, unless {@link #builds(Class)} claims them.
 */
@FunctionalInterface
public interface OperationFactory {

    /**
     * Builds an operation.
     *
     * @param <T> the operation's class
     * @param type the operation's class
     * @return a ready instance of {@code type}
     * @throws Exception when it cannot be built; the operation fails
     */
    <T> T create(Class<T> type) throws Exception;

    /**
     * Whether this factory builds {@code type} even though the registry could build it through its no-argument
     * constructor: for an operation or deferred handler that a container already manages (a Spring bean, say), which
     * must be used as the container made it. Asked only when the operation is about to run, so the class is loaded then.
     * The default is {@code false}: the factory builds only what the registry cannot.
     *
     * @param type the operation's or deferred handler's class
     * @return true when this factory builds {@code type} itself
     */
    default boolean builds(Class<?> type) {
        return false;
    }
}
