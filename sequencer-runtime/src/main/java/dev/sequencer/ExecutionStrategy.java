package dev.sequencer;

import dev.sequencer.internal.message.RuntimeMessage;
import java.util.Locale;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * How operations get run: explicitly ({@link CommandStrategy}, {@code process()}) or automatically during Flyway's
 * {@code migrate} ({@link MigrationStrategy}). Chosen by {@code sequencer.strategy}.
 */
public interface ExecutionStrategy {

    /** {@return the name used in configuration: {@code command} or {@code migration}} */
    String name();

    /**
     * {@return whether operations run automatically during {@code migrate()}, in which case {@code process()} warns
     * that it is redundant}
     */
    boolean isAutomatic();

    /**
     * Installs the strategy on a Flyway configuration that a {@code migrate()} will run: the migration strategy adds
     * {@code callback}, which runs operations interleaved; the command strategy adds nothing.
     *
     * @param flyway the configuration {@code migrate()} will run
     * @param callback the callback that runs operations during that migrate
     */
    void install(FluentConfiguration flyway, SequencerCallback callback);

    /**
     * The strategy named {@code name} (case does not matter); see {@code sequencer.strategy}.
     *
     * @param name {@code command} or {@code migration}
     * @return a new strategy of that name
     * @throws ConfigurationException naming the allowed values for any other name
     */
    static ExecutionStrategy named(String name) {
        String normalized = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "command" -> new CommandStrategy();
            case "migration" -> new MigrationStrategy();
            default ->
                throw new ConfigurationException("sequencer.strategy", RuntimeMessage.NOT_A_STRATEGY.format(name));
        };
    }
}
