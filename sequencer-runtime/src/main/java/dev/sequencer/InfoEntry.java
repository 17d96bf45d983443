package dev.sequencer;

import java.time.Instant;

/**
 * One line of {@link Sequencer#info()}: a migration or an operation, what {@code flyway info} shows for migrations,
 * for both together.
 *
 * @param kind migration or operation
 * @param name the operation name, or the migration as {@code V<version> <description>} ({@code R <description>} for a
 *     repeatable one)
 * @param state {@code success}, {@code pending}, {@code failed}, {@code above target}, {@code ignored},
 *     {@code out of order}, ... for a migration (Flyway's state in lower case); {@code completed}, {@code failed},
 *     {@code pending}, {@code waiting}, {@code dispatched}, {@code lost}, {@code running}, {@code skipped},
 *     {@code rolled back} or {@code unknown} (in the history, in no registry) for an operation
 * @param time when it was applied or last ran, or {@code null} when it never did
 * @param attempts how many history rows an operation has (0 for migrations and new operations)
 * @param detail what else there is to know: the failure, why it waits, the reason it was skipped; empty otherwise
 */
public record InfoEntry(Kind kind, String name, String state, Instant time, int attempts, String detail) {

    /** What an entry is. */
    public enum Kind {
        /** A Flyway migration. */
        MIGRATION,
        /** A Sequencer operation. */
        OPERATION
    }
}
