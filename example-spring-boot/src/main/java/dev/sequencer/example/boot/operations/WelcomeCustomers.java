package dev.sequencer.example.boot.operations;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Asynchronous;
import dev.sequencer.annotation.Operation;
import dev.sequencer.example.boot.WelcomeLetters;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Queues a welcome letter per customer; run by the application's worker, not during start-up. */
@Operation(timestamp = "2024_01_04_000000", description = "Queue welcome letters")
@Asynchronous
public final class WelcomeCustomers implements OperationHandler {

    private final WelcomeLetters letters;

    public WelcomeCustomers(WelcomeLetters letters) {
        this.letters = letters;
    }

    @Override
    public void handle(OperationContext ctx) throws Exception {
        try (PreparedStatement select = ctx.connection().prepareStatement("select id, name from customers");
                PreparedStatement insert =
                        ctx.connection().prepareStatement("insert into outbox (customer_id, message) values (?, ?)");
                ResultSet customers = select.executeQuery()) {
            while (customers.next()) {
                insert.setInt(1, customers.getInt(1));
                insert.setString(2, letters.to(customers.getString(2)));
                insert.executeUpdate();
            }
        }
    }
}
