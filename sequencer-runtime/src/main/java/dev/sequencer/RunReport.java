package dev.sequencer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one run ({@code migrate()} or {@code process()}) did, or for a dry run, what it would do: migrations and
 * operations in the order they ran or would run.
 *
 * @param steps the steps in order
 * @param dryRun whether nothing was changed and the steps are a plan
 */
public record RunReport(List<Step> steps, boolean dryRun) {

    /**
     * A report; the steps are copied.
     *
     * @param steps the steps in order
     * @param dryRun whether the steps are a plan
     */
    public RunReport {
        steps = List.copyOf(steps);
    }

    /** {@return the operation steps, in order} */
    public List<Step> operations() {
        return steps.stream().filter(s -> s.kind() == Kind.OPERATION).toList();
    }

    /** {@return the migration steps, in order} */
    public List<Step> migrations() {
        return steps.stream().filter(s -> s.kind() == Kind.MIGRATION).toList();
    }

    /**
     * {@return whether the run found nothing to do} No migration or operation ran (or, for a dry run, would run), and
     * none is left waiting (an operation waiting on a dependency is still pending).
     */
    public boolean nothingPending() {
        return steps.isEmpty();
    }

    /** What a step is. */
    public enum Kind {
        /** A Flyway migration. */
        MIGRATION,
        /** A Sequencer operation. */
        OPERATION
    }

    /** How a step ended. */
    public enum Outcome {
        /** A Flyway migration was applied. */
        APPLIED,
        /** An operation ran and was recorded {@code completed}. */
        COMPLETED,
        /** An operation was recorded {@code skipped}. */
        SKIPPED,
        /** An operation failed and was recorded {@code failed}. */
        FAILED,
        /** An operation was handed to the asynchronous backend and recorded {@code dispatched}. */
        DISPATCHED,
        /** An operation completed earlier in the run was undone and recorded {@code rolled_back}. */
        ROLLED_BACK,
        /** An operation stays pending; the detail says why (for example an unmet dependency). */
        WAITING,
        /** Dry run: the step would run. */
        PLANNED
    }

    /**
     * One step of a run.
     *
     * @param kind migration or operation
     * @param name the operation name, or the migration's version and description
     * @param outcome how it ended
     * @param detail a reason or message, empty when there is nothing to say
     * @param elapsed how long it took ({@link Duration#ZERO} for plans)
     */
    public record Step(Kind kind, String name, Outcome outcome, String detail, Duration elapsed) {

        @Override
        public String toString() {
            return kind.name().toLowerCase(Locale.ROOT) + ' ' + name + ": "
                    + outcome.name().toLowerCase(Locale.ROOT) + (detail.isEmpty() ? "" : " (" + detail + ')');
        }
    }
}
