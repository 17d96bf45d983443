package dev.sequencer;

import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The default strategy: {@code migrate()} runs Flyway migrations only, and {@code process()} runs pending migrations
 * and operations interleaved by timestamp. Nothing happens unless you ask.
 */
public final class CommandStrategy implements ExecutionStrategy {

    @Override
    public String name() {
        return "command";
    }

    @Override
    public boolean isAutomatic() {
        return false;
    }

    @Override
    public void install(FluentConfiguration flyway, SequencerCallback callback) {
        // nothing: operations run only through process()
    }
}
