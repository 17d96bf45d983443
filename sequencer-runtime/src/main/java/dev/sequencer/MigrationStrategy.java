package dev.sequencer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Operations run automatically during {@code migrate()}, interleaved with Flyway's migrations by the
 * {@link SequencerCallback}; one call at start-up does everything.
 */
public final class MigrationStrategy implements ExecutionStrategy {

    @Override
    public String name() {
        return "migration";
    }

    @Override
    public boolean isAutomatic() {
        return true;
    }

    @Override
    public void install(FluentConfiguration flyway, SequencerCallback callback) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(flyway.getCallbacks()));
        callbacks.add(callback);
        flyway.callbacks(callbacks.toArray(new Callback[0]));
    }
}
