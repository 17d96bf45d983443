package dev.sequencer;

import java.util.List;

/**
 * What {@link Sequencer#validate()} found: the history checked against the registry, nothing run.
 *
 * @param problems each problem, in words that say what to do about it; empty when the history is valid
 */
public record ValidationResult(List<String> problems) {

    /**
     * A result; the list is copied.
     *
     * @param problems each problem; empty when the history is valid
     */
    public ValidationResult {
        problems = List.copyOf(problems);
    }

    /** {@return whether there is no problem} */
    public boolean valid() {
        return problems.isEmpty();
    }
}
