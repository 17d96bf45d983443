package dev.sequencer.internal.flyway;

import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * The last callback of a Flyway instance that Sequencer loads once and reuses: it stands for the callbacks of the one
 * call using the instance (the run's interleaver, the migration lock), so that each call need not configure and load
 * Flyway again, which costs a class-path scan per call.
 */
final class CallSlot implements Callback {

    private volatile List<Callback> current = List.of();

    /** The callbacks of the call about to use the instance; {@code List.of()} between calls. */
    void set(List<Callback> callbacks) {
        current = List.copyOf(callbacks);
    }

    @Override
    public boolean supports(Event event, Context context) {
        for (Callback c : current) {
            if (c.supports(event, context)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        for (Callback c : current) {
            if (c.supports(event, context) && !c.canHandleInTransaction(event, context)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        for (Callback c : current) {
            if (c.supports(event, context)) {
                c.handle(event, context);
            }
        }
    }

    @Override
    public String getCallbackName() {
        return "Sequencer";
    }
}
