package dev.sequencer.test;

import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.Sequencer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on the operations of a {@link Sequencer}, read from {@link Sequencer#status()} when each
 * assertion runs. A failure says which operations are not as expected and why, then lists every operation with its
 * state and the stack trace of each failed one. Start with {@link SequencerAssertions#assertThat(Sequencer)}.
 */
public final class SequencerAssert extends AbstractAssert<SequencerAssert, Sequencer> {

    SequencerAssert(Sequencer actual) {
        super(actual, SequencerAssert.class);
    }

    /**
     * Each named operation is {@code completed}.
     *
     * @param names the operations' names
     * @return this assertion
     */
    public SequencerAssert hasCompleted(String... names) {
        return hasState(OperationState.COMPLETED, names);
    }

    /**
     * The operation is {@code failed} (its last attempt failed; the next run executes it again).
     *
     * @param name the operation's name
     * @return this assertion
     */
    public SequencerAssert hasFailed(String name) {
        return hasState(OperationState.FAILED, name);
    }

    /**
     * The operation is {@code skipped}: it threw {@code SkipOperationException} or {@code shouldRun} said no.
     *
     * @param name the operation's name
     * @return this assertion
     */
    public SequencerAssert hasSkipped(String name) {
        return hasState(OperationState.SKIPPED, name);
    }

    /**
     * The operation is {@code dispatched}: handed to the asynchronous backend, with its task waiting for a worker (not
     * lost). {@link Workers#drain(Sequencer)} runs it.
     *
     * @param name the operation's name
     * @return this assertion
     */
    public SequencerAssert hasDispatched(String name) {
        return check(
                new String[] {name},
                "dispatched (its task waiting for a worker)",
                s -> s.state() == OperationState.DISPATCHED && !s.lost());
    }

    /**
     * The next run would execute each named operation: it never ran, failed, was rolled back or was interrupted.
     *
     * @param names the operations' names
     * @return this assertion
     */
    public SequencerAssert hasPending(String... names) {
        return check(names, "pending (the next run would execute it)", OperationStatus::pending);
    }

    /**
     * The next run would execute no operation. Dispatched operations are not pending (they belong to the workers): to
     * see them finished, {@link Workers#drain(Sequencer)} and assert {@link #hasCompleted(String...)}.
     *
     * @return this assertion
     */
    public SequencerAssert hasNothingPending() {
        isNotNull();
        List<OperationStatus> statuses = actual.status();
        List<String> pending = statuses.stream()
                .filter(OperationStatus::pending)
                .map(OperationStatus::name)
                .toList();
        if (!pending.isEmpty()) {
            failWithMessage(
                    "%s",
                    "Expected no pending operation, but the next run would execute " + String.join(", ", pending)
                            + ".\n" + StatusListing.of(actual, statuses));
        }
        return this;
    }

    private SequencerAssert hasState(OperationState state, String... names) {
        return check(names, state.dbValue(), s -> s.state() == state);
    }

    /** Fails, naming every operation of {@code names} that is unknown or does not match, then listing them all. */
    private SequencerAssert check(String[] names, String expected, Predicate<OperationStatus> matches) {
        isNotNull();
        if (names.length == 0) {
            throw new IllegalArgumentException("Name at least one operation");
        }
        List<OperationStatus> statuses = actual.status();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            String subject = names.length == 1 ? "it" : name;
            Optional<OperationStatus> status =
                    statuses.stream().filter(s -> s.name().equals(name)).findFirst();
            if (status.isEmpty()) {
                problems.add(subject + " is in no registry on the class path");
            } else if (!matches.test(status.get())) {
                problems.add(subject + " " + describe(status.get()));
            }
        }
        if (!problems.isEmpty()) {
            String subject = names.length == 1 ? "operation " + names[0] : "operations " + String.join(", ", names);
            failWithMessage(
                    "%s",
                    "Expected " + subject + " to be " + expected + ", but " + String.join("; ", problems) + ".\n"
                            + StatusListing.of(actual, statuses));
        }
        return this;
    }

    /** What an operation is, as a phrase: {@code has never run}, {@code is failed, pending: <message>}. */
    private static String describe(OperationStatus status) {
        if (status.state() == null) {
            return "has never run";
        }
        String state = "is " + StatusListing.state(status) + (status.pending() ? ", pending" : "");
        return status.lastMessage() == null ? state : state + ": " + status.lastMessage();
    }
}
