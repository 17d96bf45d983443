package dev.sequencer.cli;

import dev.sequencer.ProgressEvent;
import java.time.Duration;

/**
 * Shows how far running operations have come, as they report it with {@code ctx.progress(done, total)}: a bar on a
 * terminal, a plain line every few seconds in a pipe or CI log.
 */
interface ProgressDisplay {

    /** How often a pipe gets a progress line for one operation. */
    Duration LINE_INTERVAL = Duration.ofSeconds(5);

    /** The operation reported progress. */
    void show(ProgressEvent event);

    /** The operation ended: its bar goes away, before its step line is printed. */
    void end(String operation);

    static ProgressDisplay of(CliEnvironment env) {
        return env.terminal()
                ? new ProgressBarDisplay(env.terminalErr(), env.colour())
                : new ProgressLines(env.err(), LINE_INTERVAL);
    }
}
