package dev.sequencer;

import dev.sequencer.internal.flyway.MigrationInterleaver;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The Flyway callback that runs operations interleaved with migrations. The migration strategy installs it; add it
 * yourself to a Flyway you build (or one your framework runs at start-up) to get the same behaviour:
 *
 * <pre>{@code
 * Sequencer sequencer = GeneratedSequencer.sequencer(dataSource);
 * Flyway.configure().dataSource(dataSource).callbacks(sequencer.callback()).load().migrate();
 * }</pre>
 *
 * <p>It reacts to {@code migrate} only, never to {@code clean}, {@code validate}, {@code info}, {@code repair} or
 * {@code baseline}. One instance serves one {@code migrate} at a time.
 */
public final class SequencerCallback implements Callback {

    private final MigrationInterleaver interleaver;

    SequencerCallback(MigrationInterleaver interleaver) {
        this.interleaver = interleaver;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return switch (event) {
            case BEFORE_MIGRATE, BEFORE_EACH_MIGRATE, AFTER_EACH_MIGRATE, AFTER_MIGRATE, AFTER_MIGRATE_ERROR -> true;
            default -> false;
        };
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true; // operations use connections of their own, never Flyway's
    }

    @Override
    public synchronized void handle(Event event, Context context) {
        switch (event) {
            case BEFORE_MIGRATE ->
                interleaver.beforeMigrate(context.getConfiguration().isGroup(), () -> info(context.getConfiguration()));
            case BEFORE_EACH_MIGRATE -> interleaver.beforeEachMigrate(context.getMigrationInfo());
            case AFTER_EACH_MIGRATE -> interleaver.afterEachMigrate(context.getMigrationInfo());
            case AFTER_MIGRATE -> interleaver.afterMigrate();
            case AFTER_MIGRATE_ERROR -> interleaver.afterMigrateError();
            default -> {}
        }
    }

    @Override
    public String getCallbackName() {
        return "Sequencer";
    }

    /** {@return what the last {@code migrate} that used this callback did} */
    public RunReport lastReport() {
        return interleaver.lastReport();
    }

    /** Flyway's {@code info} over the same configuration, without the callbacks (this one included). */
    private static MigrationInfoService info(Configuration configuration) {
        return Flyway.configure(configuration.getClassLoader())
                .configuration(configuration)
                .callbacks(new Callback[0])
                .load()
                .info();
    }
}
