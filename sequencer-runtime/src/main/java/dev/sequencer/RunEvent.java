package dev.sequencer;

import java.time.Duration;

/**
 * A run-level event.
 *
 * @param trigger what started the run: {@code migrate}, {@code process} or {@code flyway} (a Flyway migrate that
 *     carries the Sequencer callback)
 * @param strategy the strategy name
 * @param operations how many operations the run executed so far
 * @param elapsed time since the run started
 * @param failed whether the run ended with a failure
 */
public record RunEvent(String trigger, String strategy, int operations, Duration elapsed, boolean failed) {}
