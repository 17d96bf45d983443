package dev.sequencer.spring.app;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Operation;

/** Fails when {@link Billing} is made to fail. */
@Operation(timestamp = "2024_01_04_000000")
public final class ChargeCustomers implements OperationHandler {

    private final Billing billing;

    public ChargeCustomers(Billing billing) {
        this.billing = billing;
    }

    @Override
    public void handle(OperationContext ctx) {
        billing.charge("Ada");
    }
}
