package dev.sequencer.internal.flyway;

import dev.sequencer.ExecutionStrategy;
import dev.sequencer.RunReport;
import dev.sequencer.SequencerCallback;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.engine.Migrations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Builds the Flyway configuration Sequencer migrates with, and runs {@code migrate} and {@code info} on it. The loaded
 * Flyway is kept between calls (Flyway caches what it found on the class path in it): a call takes the idle instance,
 * or loads one when another call is using it, and puts it back when done; the call's own callbacks go into the
 * instance's {@link CallSlot}.
 */
public final class FlywayRunner {

    private final Engine engine;
    private final ClassLoader classLoader;
    private final Consumer<FluentConfiguration> customizer;
    private final AtomicReference<Loaded> idle = new AtomicReference<>();

    /** A loaded Flyway and the slot for the callbacks of the call using it. */
    private record Loaded(Flyway flyway, CallSlot slot) {}

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

    /**
     * Runs {@code migrate} with {@code callbacks} after the configured ones; a Sequencer exception inside Flyway's is
     * rethrown as it is (see {@link #unwrapping}).
     */
    public MigrateResult migrate(List<Callback> callbacks) {
        Loaded loaded = take();
        loaded.slot().set(callbacks);
        try {
            return unwrapping(loaded.flyway()::migrate);
        } finally {
            giveBack(loaded);
        }
    }

    /** Flyway's {@code info}, with no Sequencer callback. */
    public MigrationInfoService info() {
        Loaded loaded = take();
        try {
            return loaded.flyway().info();
        } finally {
            giveBack(loaded);
        }
    }

    private Loaded take() {
        Loaded loaded = idle.getAndSet(null);
        if (loaded != null) {
            return loaded;
        }
        CallSlot slot = new CallSlot();
        FluentConfiguration configuration = configuration();
        addCallback(configuration, slot);
        return new Loaded(configuration.load(), slot);
    }

    private void giveBack(Loaded loaded) {
        loaded.slot().set(List.of());
        idle.compareAndSet(null, loaded);
    }

    /** The callbacks that {@code strategy} installs for {@code callback}, read off a scratch configuration. */
    public List<Callback> installedBy(ExecutionStrategy strategy, SequencerCallback callback) {
        FluentConfiguration scratch = Flyway.configure(classLoader);
        strategy.install(scratch, callback);
        return List.of(scratch.getCallbacks());
    }

    /** Adds {@code callback} after the callbacks already configured. */
    private static void addCallback(FluentConfiguration configuration, Callback callback) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(callback);
        configuration.callbacks(callbacks.toArray(new Callback[0]));
    }

    /**
     * Runs {@code migrate}. Flyway wraps a callback's exception in its own; the Sequencer exception inside (an
     * operation failure, a lock timeout) is rethrown as it is, so the caller sees the operation's name.
     */
    private static MigrateResult unwrapping(Supplier<MigrateResult> migrate) {
        try {
            return migrate.get();
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
