package dev.sequencer;

/**
 * Builds operations through dependency injection. Needed only for operations without an accessible no-argument
 * constructor; the generated registry builds the others itself.
 */
@FunctionalInterface
public interface OperationFactory {

    /** Returns a ready instance of {@code type}. */
    <T> T create(Class<T> type) throws Exception;
}
