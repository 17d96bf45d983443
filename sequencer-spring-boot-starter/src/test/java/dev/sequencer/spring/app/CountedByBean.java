package dev.sequencer.spring.app;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Operation;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * An operation that is also a bean: the registry could build it (it has a no-argument constructor), but the context's
 * instance must be used, as the count on the bean shows.
 */
@Component
@Operation(timestamp = "2024_01_02_000001")
public class CountedByBean implements OperationHandler {

    private final AtomicInteger runs = new AtomicInteger();

    @Override
    public void handle(OperationContext ctx) {
        runs.incrementAndGet();
    }

    public int runs() {
        return runs.get();
    }
}
