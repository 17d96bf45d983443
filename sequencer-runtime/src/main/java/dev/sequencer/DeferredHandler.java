package dev.sequencer;

/**
 * Work created at run time rather than at deploy: {@code sequencer.defer("alias", payload, dueAt)} stores a task that
 * a worker hands to the handler annotated {@code @Deferred("alias")} once it is due.
 */
@FunctionalInterface
public interface DeferredHandler {

    /** Handles one deferred task; {@code jsonPayload} is the JSON text given to {@code defer}. */
    void handle(OperationContext context, String jsonPayload) throws Exception;
}
