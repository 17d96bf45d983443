package dev.sequencer.test;

import dev.sequencer.Sequencer;

/**
 * Entry point of the kit's AssertJ assertions; import it statically next to AssertJ's own {@code assertThat}:
 *
 * <pre>{@code
 * assertThat(sequencer)
 *         .hasCompleted("2024_01_02_000000_seed_admin_user")
 *         .hasDispatched("2024_01_06_000000_queue_welcome_emails")
 *         .hasNothingPending();
 * }</pre>
 */
public final class SequencerAssertions {

    private SequencerAssertions() {}

    /**
     * Assertions on the operations of {@code sequencer}, as its {@code status()} reports them.
     *
     * @param sequencer the Sequencer under test
     * @return its assertions
     */
    public static SequencerAssert assertThat(Sequencer sequencer) {
        return new SequencerAssert(sequencer);
    }
}
