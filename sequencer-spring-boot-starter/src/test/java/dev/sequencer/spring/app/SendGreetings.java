package dev.sequencer.spring.app;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Asynchronous;
import dev.sequencer.annotation.Operation;
import java.sql.PreparedStatement;

/** Run by the worker: queues a message per customer, written by the injected {@link Greeter}. */
@Operation(timestamp = "2024_01_05_000000")
@Asynchronous
public final class SendGreetings implements OperationHandler {

    private final Greeter greeter;

    public SendGreetings(Greeter greeter) {
        this.greeter = greeter;
    }

    @Override
    public void handle(OperationContext ctx) throws Exception {
        try (PreparedStatement insert = ctx.connection()
                .prepareStatement("insert into outbox (customer_id, message) select id, ? || name from customers")) {
            insert.setString(1, greeter.greet(""));
            insert.executeUpdate();
        }
    }
}
