package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import java.util.Set;

/**
 * What one run executes.
 *
 * @param trigger {@code migrate}, {@code process} or {@code flyway}, for events and messages
 * @param tags only operations with one of these tags; empty means all
 * @param from only operations at or after this fourteen-digit timestamp, or {@code null}
 * @param repeat whether completed operations run again
 * @param runWhenNoMigrations whether operations run when Flyway applies no migration
 * @param inlineAsynchronous whether {@code @Asynchronous} operations run inline
 */
public record RunOptions(
        String trigger,
        Set<String> tags,
        String from,
        boolean repeat,
        boolean runWhenNoMigrations,
        boolean inlineAsynchronous) {

    public RunOptions {
        tags = Set.copyOf(tags);
    }

    /** Whether the selection (tags, from) includes {@code op}. */
    public boolean selects(OperationDescriptor op) {
        if (from != null && op.timestamp().compareTo(from) < 0) {
            return false;
        }
        return tags.isEmpty() || op.tags().stream().anyMatch(tags::contains);
    }
}
