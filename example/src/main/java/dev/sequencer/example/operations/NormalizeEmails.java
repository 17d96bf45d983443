package dev.sequencer.example.operations;

import dev.sequencer.ConditionalExecution;
import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Operation;
import java.sql.ResultSet;
import java.sql.Statement;

/** A conditional operation: lower-cases e-mail addresses, and is recorded skipped when there is nothing to do. */
@Operation(timestamp = "2024_01_05_000000", description = "Lower-case customer e-mail addresses")
public final class NormalizeEmails implements OperationHandler, ConditionalExecution {

    @Override
    public boolean shouldRun(OperationContext context) throws Exception {
        try (Statement s = context.connection().createStatement();
                ResultSet rs = s.executeQuery("select count(*) from customers where email <> lower(email)")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @Override
    public String skipReason() {
        return "every e-mail address is already lower case";
    }

    @Override
    public void handle(OperationContext context) throws Exception {
        try (Statement s = context.connection().createStatement()) {
            s.executeUpdate("update customers set email = lower(email) where email <> lower(email)");
        }
    }
}
