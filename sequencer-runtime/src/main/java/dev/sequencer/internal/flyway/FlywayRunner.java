package dev.sequencer.internal.flyway;

import dev.sequencer.RunReport;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.engine.Migrations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/** Builds the Flyway configuration Sequencer migrates with, and runs {@code migrate} on it. */
public final class FlywayRunner {

    private final Engine engine;
    private final ClassLoader classLoader;
    private final Consumer<FluentConfiguration> customizer;

    public FlywayRunner(Engine engine, ClassLoader classLoader, Consumer<FluentConfiguration> customizer) {
        this.engine = engine;
        this.classLoader = classLoader;
        this.customizer = customizer;
    }

    /** {@code sequencer.flyway.locations}, the other {@code sequencer.flyway.*} keys, then the user's customizer. */
    public FluentConfiguration configuration() {
        FluentConfiguration configuration = Flyway.configure(classLoader)
                .dataSource(engine.dataSource())
                .locations(engine.settings().flywayLocations().toArray(new String[0]));
        if (!engine.settings().flywayProperties().isEmpty()) {
            configuration.configuration(engine.settings().flywayProperties());
        }
        if (customizer != null) {
            customizer.accept(configuration);
        }
        return configuration;
    }

    /** Adds {@code callback} after the callbacks already configured. */
    public static void addCallback(FluentConfiguration configuration, Callback callback) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(callback);
        configuration.callbacks(callbacks.toArray(new Callback[0]));
    }

    /**
     * Runs {@code migrate}. Flyway wraps a callback's exception in its own; the Sequencer exception inside (an
     * operation failure, a lock timeout) is rethrown as it is, so the caller sees the operation's name.
     */
    public static MigrateResult migrate(FluentConfiguration configuration) {
        try {
            return configuration.load().migrate();
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SequencerException sequencerException) {
                    throw sequencerException;
                }
            }
            throw e;
        }
    }

    /** The report of a migrate that ran no operation. */
    public static RunReport migrationsOnly(MigrateResult result) {
        List<RunReport.Step> steps = new ArrayList<>();
        for (var m : result.migrations) {
            String name = Migrations.displayName(m.version, m.description);
            steps.add(new RunReport.Step(
                    RunReport.Kind.MIGRATION, name, RunReport.Outcome.APPLIED, "", Duration.ofMillis(m.executionTime)));
        }
        return new RunReport(steps, false);
    }
}
