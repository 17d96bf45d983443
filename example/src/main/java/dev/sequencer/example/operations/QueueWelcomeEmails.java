package dev.sequencer.example.operations;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Asynchronous;
import dev.sequencer.annotation.Operation;
import java.sql.Statement;

/**
 * An asynchronous operation: a run only dispatches it; a worker (on any node) executes it in the background, so a
 * long job never holds up a deployment and is not lost if a node dies.
 */
@Asynchronous
@Operation(timestamp = "2024_01_06_000000", description = "Queue a welcome e-mail for every customer")
public final class QueueWelcomeEmails implements OperationHandler {

    @Override
    public void handle(OperationContext context) throws Exception {
        try (Statement s = context.connection().createStatement()) {
            s.executeUpdate("insert into outbox (customer_id, template) select id, 'welcome' from customers");
        }
    }
}
