package dev.sequencer.internal.message;

import java.util.Locale;

/**
 * The messages users read from the runtime, in one place, as the processor keeps its diagnostics: each constant has a
 * stable id (for documentation and searching) and a {@link String#format} template. Code builds its messages with
 * {@link #format}; tests assert on {@link #format} rather than on copied text.
 */
public enum RuntimeMessage {
    NO_DATABASE(
            "SEQ-1001",
            "No database configured: set %s (system property, SEQUENCER_URL environment variable or"
                    + " sequencer.properties), or pass a DataSource"),
    NOT_A_STRATEGY(
            "SEQ-1002",
            "sequencer.strategy is '%s', which is not a strategy; use 'command' (the default) or 'migration'"),
    NOT_AN_IDENTIFIER(
            "SEQ-1003",
            "%s is '%s', which is not a plain SQL identifier; use letters, digits and underscores, starting with a"
                    + " letter or underscore, at most 40 characters (for example 'sequencer_')"),
    NOT_A_DURATION("SEQ-1004", "'%s' is not a duration; write it like 500ms, 30s, 2m, 1h or PT30S"),
    DURATION_TOO_LARGE("SEQ-1005", "'%s' is too large; the longest duration is %dd (about 292 years)"),
    UNKNOWN_OPERATION("SEQ-1010", "No operation is named '%s'; see status() for the names this Sequencer knows"),
    NOT_ROLLBACKABLE("SEQ-1011", "Operation %s (%s) does not implement Rollbackable; nothing was rolled back"),
    LOCK_TIMEOUT(
            "SEQ-1020",
            "Could not acquire the Sequencer lock '%s' (%s) within %s: another node is running operations or"
                    + " migrations. Wait for it to finish, or raise %s."),
    RUN_BLOCKED(
            "SEQ-1021",
            "Run blocked by the %s guard: %s. Nothing was run; run it from an allowed machine or change the guard"
                    + " configuration."),
    CONNECTION_CALL_REFUSED(
            "SEQ-1030",
            "Operation %s called %s on its connection, which Sequencer refuses: a transactional operation's work and"
                    + " its completed record commit together, after handle() returns (throw an exception to roll"
                    + " back). Use @Operation(transactional = false) to manage transactions yourself."),
    TIME_LIMIT_TRANSACTIONAL(
            "SEQ-1031",
            "Operation %s exceeded its time limit of %s (@Timeout); its running statement was cancelled and its"
                    + " transaction was rolled back"),
    TIME_LIMIT_NOT_TRANSACTIONAL(
            "SEQ-1032",
            "Operation %s exceeded its time limit of %s (@Timeout); its running statement was cancelled and its"
                    + " connection closed; it is not transactional, so the writes it committed before the limit stay"),
    INTERRUPTED(
            "SEQ-1040",
            "an earlier attempt was interrupted (%s); it was not transactional, so part of its work may remain"),
    WAITS_ON("SEQ-1041", "waits on %s (%s)"),
    WAITS_FOR_UNAPPLIED_MIGRATION("SEQ-1042", "waits for migration %s, which this migrate leaves unapplied"),
    WAITS_FOR_MIGRATION("SEQ-1043", "waits for migration %s to be applied"),
    OWNED_BY_BACKEND("SEQ-1044", "owned by the asynchronous backend (%s)"),
    HISTORY_NAME_UNKNOWN(
            "SEQ-1050", "Operation '%s' is in the history (%s) but in no registry: its class was renamed or deleted."),
    RECORD_REFUSED("SEQ-1051", "Cannot %s %s: it is %s; only a pending or failed operation can be"),
    LOST(
            "SEQ-1060",
            "dispatched, but its task is gone from %sscheduled_tasks, so no worker will run it: call"
                    + " Sequencer.redispatch(\"%s\") to hand it to the workers again"),
    REDISPATCH_REFUSED(
            "SEQ-1061",
            "Operation %s cannot be re-dispatched: a worker is running it right now (its history row is locked: %s);"
                    + " wait for it to finish"),
    UNKNOWN_ALIAS("SEQ-1062", "No @Deferred handler is registered under alias '%s'; known aliases: %s"),
    TASK_GIVEN_UP("SEQ-1063", "A worker gave up after %d attempts to run its task: %s");

    private final String id;
    private final String template;

    RuntimeMessage(String id, String template) {
        this.id = id;
        this.template = template;
    }

    /** The stable id, for example {@code SEQ-1010}. */
    public String id() {
        return id;
    }

    /** The message with {@code args} filled in. */
    public String format(Object... args) {
        return String.format(Locale.ROOT, template, args);
    }
}
