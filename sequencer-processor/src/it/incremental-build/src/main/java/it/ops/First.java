package it.ops;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Operation;

@Operation(timestamp = "2024_01_01_000000")
public final class First implements OperationHandler {
    @Override
    public void handle(OperationContext context) {}
}
