package dev.sequencer.example.operations;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.Rollbackable;
import dev.sequencer.annotation.Operation;
import java.sql.Statement;

/**
 * A rollbackable operation: fills the new tier column. If a later operation of the same run fails, Sequencer calls
 * {@link #rollback} and this operation runs again next time.
 */
@Operation(timestamp = "2024_01_04_000000", description = "Give every customer the bronze tier")
public final class BackfillLoyaltyTier implements OperationHandler, Rollbackable {

    @Override
    public void handle(OperationContext context) throws Exception {
        try (Statement s = context.connection().createStatement()) {
            s.executeUpdate("update customers set tier = 'bronze' where tier is null");
        }
    }

    @Override
    public void rollback(OperationContext context) throws Exception {
        try (Statement s = context.connection().createStatement()) {
            s.executeUpdate("update customers set tier = null where tier = 'bronze'");
        }
    }
}
