package dev.sequencer.test;

import dev.sequencer.OperationAttempt;
import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.Sequencer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every operation of a Sequencer with its state, whether the next run would execute it and its last message, followed
 * by the stack trace of each failed operation's last error: what a failed assertion shows so that nobody needs a
 * debugger.
 */
final class StatusListing {

    /** Frames shown per exception of a stack trace; {@code sequencer.history(name)} has them all. */
    static final int FRAMES_PER_EXCEPTION = 5;

    private StatusListing() {}

    /** The listing of {@code statuses}, which {@code sequencer} reported, with the errors from its history. */
    static String of(Sequencer sequencer, List<OperationStatus> statuses) {
        if (statuses.isEmpty()) {
            return "The registry has no operations: is the annotation processor on the annotationProcessorPaths of"
                    + " the build that compiles them?";
        }
        int width = statuses.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        StringBuilder out = new StringBuilder("Operations, in run order:");
        for (OperationStatus status : statuses) {
            String line = String.format(
                    Locale.ROOT,
                    "  %-" + width + "s  %-17s %-9s %s",
                    status.name(),
                    state(status),
                    pending(status),
                    message(status));
            out.append("\n").append(line.stripTrailing());
        }
        for (OperationStatus status : statuses) {
            if (status.state() == OperationState.FAILED) {
                lastError(sequencer, status.name())
                        .ifPresent(trace -> out.append(
                                String.format(Locale.ROOT, "\nLast error of %s:\n%s", status.name(), trace)));
            }
        }
        return out.toString();
    }

    /** The state as stored ({@code rolled_back}), {@code never ran} without history, marked when lost. */
    static String state(OperationStatus status) {
        if (status.state() == null) {
            return "never ran";
        }
        return status.state().dbValue() + (status.lost() ? " (lost)" : "");
    }

    private static String pending(OperationStatus status) {
        return status.pending() ? "pending" : "";
    }

    private static String message(OperationStatus status) {
        return status.lastMessage() == null ? "" : status.lastMessage().replace('\n', ' ');
    }

    private static Optional<String> lastError(Sequencer sequencer, String name) {
        List<OperationAttempt> history = sequencer.history(name);
        for (int i = history.size() - 1; i >= 0; i--) {
            OperationAttempt.Error error = history.get(i).error();
            if (error != null) {
                return Optional.of(shorten(error.stackTrace()));
            }
        }
        return Optional.empty();
    }

    /**
     * The trace shortened to what says where it failed: every exception line (the error and each {@code Caused by:})
     * with its first {@value #FRAMES_PER_EXCEPTION} frames, indented.
     */
    static String shorten(String stackTrace) {
        StringBuilder out = new StringBuilder();
        int frames = 0;
        boolean omitted = false;
        for (String line : stackTrace.lines().toList()) {
            String trimmed = line.trim();
            boolean frame = trimmed.startsWith("at ") || trimmed.startsWith("...");
            frames = frame ? frames + 1 : 0;
            if (frame && frames > FRAMES_PER_EXCEPTION) {
                omitted = true;
                continue;
            }
            out.append(out.isEmpty() ? "" : "\n").append("  ").append(line);
        }
        if (omitted) {
            out.append("\n").append("  (whole stack trace: sequencer.history(name))");
        }
        return out.toString();
    }
}
