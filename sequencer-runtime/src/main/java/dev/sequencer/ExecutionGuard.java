package dev.sequencer;

/**
 * Decides whether a whole run may proceed on this machine. Sequencer has guards for host names and IP addresses
 * ({@code sequencer.guard.hostnames}, {@code sequencer.guard.addresses}); add your own with
 * {@link Sequencer.Builder#guard} or in {@code META-INF/services/dev.sequencer.ExecutionGuard}. A blocked run fails
 * before it touches the database, naming the guard and its reason.
 */
public interface ExecutionGuard {

    /** {@return whether the run may proceed} */
    boolean allows();

    /** {@return why it may not, shown when {@link #allows()} is false} */
    String reason();

    /** {@return a short name for messages, e.g. {@code hostname}} */
    String name();
}
