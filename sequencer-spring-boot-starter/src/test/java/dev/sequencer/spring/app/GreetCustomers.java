package dev.sequencer.spring.app;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Operation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Reads the customers the first migration created and greets each through the injected {@link Greeter}. */
@Operation(timestamp = "2024_01_02_000000")
public final class GreetCustomers implements OperationHandler {

    private final Greeter greeter;

    public GreetCustomers(Greeter greeter) {
        this.greeter = greeter;
    }

    @Override
    public void handle(OperationContext ctx) throws Exception {
        try (PreparedStatement select = ctx.connection().prepareStatement("select id, name from customers");
                PreparedStatement insert =
                        ctx.connection().prepareStatement("insert into greetings (customer_id, text) values (?, ?)");
                ResultSet customers = select.executeQuery()) {
            while (customers.next()) {
                insert.setInt(1, customers.getInt(1));
                insert.setString(2, greeter.greet(customers.getString(2)));
                insert.executeUpdate();
            }
        }
    }
}
