package dev.sequencer.example.operations;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Operation;
import java.sql.PreparedStatement;

/** A plain operation: copies the customers of the old system once, right after the customers table exists. */
@Operation(timestamp = "2024_01_02_000000", description = "Import the customers of the legacy shop")
public final class ImportLegacyCustomers implements OperationHandler {

    @Override
    public void handle(OperationContext context) throws Exception {
        String[][] legacy = {
            {"1", "Ada@Example.com", "Ada Lovelace"},
            {"2", "grace@example.com", "Grace Hopper"},
            {"3", "Alan@Example.com", "Alan Turing"}
        };
        try (PreparedStatement insert =
                context.connection().prepareStatement("insert into customers (id, email, name) values (?, ?, ?)")) {
            for (String[] row : legacy) {
                insert.setInt(1, Integer.parseInt(row[0]));
                insert.setString(2, row[1]);
                insert.setString(3, row[2]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
