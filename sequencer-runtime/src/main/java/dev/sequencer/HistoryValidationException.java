package dev.sequencer;

import java.util.List;

/**
 * A run was refused before it touched anything because the history does not match the registry (an operation was
 * renamed or deleted): no lock is held afterwards, no row was written and no migration applied. {@link #problems()}
 * lists them all, each saying what to do.
 */
public class HistoryValidationException extends SequencerException {

    private static final long serialVersionUID = 1L;

    /** Every problem found. */
    private final List<String> problems;

    /**
     * A refused run; the message lists every problem.
     *
     * @param problems every problem found, each saying what to do
     */
    public HistoryValidationException(List<String> problems) {
        super("The operation history does not match the registry, so nothing was run (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found} */
    public List<String> problems() {
        return problems;
    }
}
