package dev.sequencer;

/**
 * The work of one operation. Implement it in a class annotated {@code @Operation}; the generated registry builds the
 * class (through its no-argument constructor or an {@link OperationFactory}) only when the operation is about to run.
 */
@FunctionalInterface
public interface OperationHandler {

    /**
     * Does the work. For a transactional operation (the default), use {@link OperationContext#connection()}: its
     * writes and the operation's {@code completed} record commit together, or not at all.
     *
     * @param context the operation's context: its connection, name and attempt
     * @throws SkipOperationException to record the operation {@code skipped} with the message as reason
     * @throws Exception any other failure rolls the operation's transaction back and records it {@code failed}
     */
    void handle(OperationContext context) throws Exception;
}
