package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.ProcessOptions;
import dev.sequencer.internal.config.SequencerSettings;
import java.util.Set;

/**
 * What one run executes. Built by the named factories, one per way a run starts.
 *
 * @param trigger {@code migrate}, {@code process}, {@code execute} or {@code rollback}, for events and messages
 * @param tags only operations with one of these tags; empty means all
 * @param from only operations at or after this fourteen-digit timestamp, or {@code null}
 * @param repeat whether completed operations run again
 * @param runWhenNoMigrations whether operations run when Flyway applies no migration
 * @param inlineAsynchronous whether {@code @Asynchronous} operations run inline
 * @param validates whether the run checks the history against the registry first
 */
public record RunOptions(
        String trigger,
        Set<String> tags,
        String from,
        boolean repeat,
        boolean runWhenNoMigrations,
        boolean inlineAsynchronous,
        boolean validates) {

    public RunOptions {
        tags = Set.copyOf(tags);
    }

    /** {@code process(options)}: pending migrations and the selected operations. */
    public static RunOptions process(ProcessOptions options, SequencerSettings settings) {
        return new RunOptions(
                "process",
                options.tags(),
                options.from(),
                options.repeat(),
                true,
                options.sync() || settings.forceSync(),
                true);
    }

    /** A {@code migrate} carrying the Sequencer callback: the migration strategy, or a Flyway the user runs. */
    public static RunOptions migration(SequencerSettings settings) {
        return new RunOptions(
                "migrate", Set.of(), null, false, settings.runOnNoPendingMigrations(), settings.forceSync(), true);
    }

    /** {@code execute(name)}: one operation, inline, whatever its state. */
    public static RunOptions execute() {
        return new RunOptions("execute", Set.of(), null, true, true, true, true);
    }

    /** {@code rollback(name)}. */
    public static RunOptions rollback() {
        return new RunOptions("rollback", Set.of(), null, false, true, true, false);
    }

    /**
     * Whether the run only picks pending operations ({@code process}, {@code migrate}, without {@code repeat}): one
     * whose history shows nothing pending may skip the lock. {@code execute} and {@code rollback} act on an operation
     * whatever its state, so they always take it.
     */
    public boolean picksPendingOnly() {
        return !repeat && (trigger.equals("process") || trigger.equals("migrate"));
    }

    /** Whether the selection (tags, from) includes {@code op}. */
    public boolean selects(OperationDescriptor op) {
        if (from != null && op.timestamp().compareTo(from) < 0) {
            return false;
        }
        return tags.isEmpty() || op.tags().stream().anyMatch(tags::contains);
    }
}
