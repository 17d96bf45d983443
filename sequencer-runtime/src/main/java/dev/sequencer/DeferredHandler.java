package dev.sequencer;

/**
 * Work created at run time rather than at deploy: {@code sequencer.defer("alias", payload, dueAt)} stores a task that
 * a worker hands to the handler annotated {@code @Deferred("alias")} once it is due.
 */
@FunctionalInterface
public interface DeferredHandler {

    /**
     * Handles one deferred task.
     *
     * @param context the task's context, its connection included
     * @param jsonPayload the JSON text given to {@code defer}
     * @throws Exception to fail the task (retried as {@code @Retry} on the handler says)
     */
    void handle(OperationContext context, String jsonPayload) throws Exception;
}
