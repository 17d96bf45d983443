package dev.sequencer.cli;

import dev.sequencer.OperationAttempt;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code history NAME} as text: a line per attempt, then its reason and, for a failure, the stack trace. */
final class HistoryText {

    private static final String INDENT = "    ";

    private HistoryText() {}

    static void print(PrintWriter out, String name, List<OperationAttempt> attempts) {
        if (attempts.isEmpty()) {
            out.println(name + " has no history: it has never run.");
            return;
        }
        out.println(name + ": " + attempts.size() + (attempts.size() == 1 ? " row" : " rows") + ", oldest first");
        for (OperationAttempt attempt : attempts) {
            out.println(String.format(
                            Locale.ROOT,
                            "#%-3d %-11s %-19s  %8s  attempt %d%s",
                            attempt.id(),
                            attempt.state().dbValue(),
                            HumanTime.instant(attempt.startedAt()),
                            attempt.duration() == null ? "" : HumanTime.duration(attempt.duration()),
                            attempt.attempt(),
                            attempt.owner() == null ? "" : "  by " + attempt.owner())
                    .stripTrailing());
            if (attempt.reason() != null && !attempt.reason().isBlank()) {
                out.println(INDENT + "reason: " + ErrorReporter.oneLine(attempt.reason()));
            }
            OperationAttempt.Error error = attempt.error();
            if (error != null) {
                String trace = error.stackTrace() == null || error.stackTrace().isBlank()
                        ? error.exceptionClass() + (error.message() == null ? "" : ": " + error.message())
                        : error.stackTrace().stripTrailing();
                trace.lines().forEach(line -> out.println(INDENT + line));
            }
        }
        out.flush();
    }
}
