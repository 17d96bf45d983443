package dev.sequencer;

/**
 * Builds operations through dependency injection. Needed only for operations without an accessible no-argument
 * constructor; the generated registry builds the others itself.
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
}
