package dev.sequencer;

import java.util.List;

/**
 * What {@link Sequencer#validate()} found: the history checked against the registry, nothing run.
 *
 * @param problems each problem, in words that say what to do about it; empty when the history is valid
 */
public record ValidationResult(List<String> problems) {

    public ValidationResult {
        problems = List.copyOf(problems);
    }

    /** Whether there is no problem. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
