package dev.sequencer.spring;

import dev.sequencer.SequencerCallback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Sequencer and Boot's Flyway: the Sequencer callback added to Boot's configuration (migration strategy), and Boot's
 * configuration (locations, schemas, placeholders, spring.flyway.*) used for Sequencer's own Flyway runs
 * ({@code process()}, {@code info()}), so that both see the same migrations.
 */
final class BootFlyway {

    private BootFlyway() {}

    /** Appends {@code callback} to the callbacks Boot configured (its Callback beans). */
    static void addCallback(FluentConfiguration configuration, Callback callback) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(callback);
        configuration.callbacks(callbacks.toArray(new Callback[0]));
    }

    /**
     * Copies the configuration of Boot's Flyway bean, when there is one, into {@code configuration}, without the
     * Sequencer callback that the migration strategy added to it (a run adds its own).
     */
    static void follow(FluentConfiguration configuration, ObjectProvider<Flyway> bootFlyway) {
        Flyway flyway = bootFlyway.getIfUnique();
        if (flyway == null) {
            return;
        }
        configuration.configuration(flyway.getConfiguration());
        configuration.callbacks(Arrays.stream(configuration.getCallbacks())
                .filter(c -> !(c instanceof SequencerCallback))
                .toArray(Callback[]::new));
    }
}
