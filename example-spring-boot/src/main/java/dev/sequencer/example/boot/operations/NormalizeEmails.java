package dev.sequencer.example.boot.operations;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Operation;
import dev.sequencer.example.boot.EmailAddresses;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Lower-cases the customers' e-mail addresses with the injected {@link EmailAddresses}, so that the next migration can
 * make them unique. Its only constructor takes the service: the application context builds it.
 */
@Operation(timestamp = "2024_01_02_000000", description = "Normalize customer e-mail addresses")
public final class NormalizeEmails implements OperationHandler {

    private final EmailAddresses addresses;

    public NormalizeEmails(EmailAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public void handle(OperationContext ctx) throws Exception {
        try (PreparedStatement select = ctx.connection().prepareStatement("select id, email from customers");
                PreparedStatement update =
                        ctx.connection().prepareStatement("update customers set email = ? where id = ?");
                ResultSet customers = select.executeQuery()) {
            while (customers.next()) {
                update.setString(1, addresses.normalize(customers.getString(2)));
                update.setInt(2, customers.getInt(1));
                update.executeUpdate();
            }
        }
    }
}
