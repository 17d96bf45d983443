package dev.sequencer;

import java.time.Instant;

/**
 * An {@code @Asynchronous} operation that must not run before a given instant: it is dispatched with that execution
 * time, and a worker picks it up once it is due. Synchronous and inline runs ignore it.
 */
public interface ScheduledOperation {

    /**
     * When the operation may run, asked once at dispatch on the dispatch connection (inside the dispatch transaction:
     * read, do not commit).
     *
     * @param context the operation's context, on the dispatch connection
     * @return when the operation may run; {@code null} means now
     * @throws Exception to fail the operation's dispatch
     */
    Instant executeAt(OperationContext context) throws Exception;
}
