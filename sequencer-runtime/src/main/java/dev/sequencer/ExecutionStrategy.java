package dev.sequencer;

import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * How operations get run: explicitly ({@link CommandStrategy}, {@code process()}) or automatically during Flyway's
 * {@code migrate} ({@link MigrationStrategy}). Chosen by {@code sequencer.strategy}.
 */
public interface ExecutionStrategy {

    /** The name used in configuration: {@code command} or {@code migration}. */
    String name();

    /** Whether operations run automatically during {@code migrate()}; {@code process()} then warns it is redundant. */
    boolean isAutomatic();

    /** Installs the strategy on a Flyway configuration that {@code sequencer} will migrate with. */
    void install(FluentConfiguration flyway, Sequencer sequencer);

    /** The strategy named {@code name}; see {@code sequencer.strategy}. */
    static ExecutionStrategy named(String name) {
        return switch (name) {
            case "command" -> new CommandStrategy();
            case "migration" -> new MigrationStrategy();
            default ->
                throw new ConfigurationException(
                        "sequencer.strategy",
                        "sequencer.strategy is '" + name + "', which is not a strategy; use 'command' or 'migration'");
        };
    }
}
