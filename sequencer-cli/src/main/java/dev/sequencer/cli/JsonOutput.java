package dev.sequencer.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sequencer.InfoEntry;
import dev.sequencer.OperationAttempt;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The JSON documents of {@code info --json} and {@code history --json}, written with Jackson. Their field names are
 * part of the command line's contract (README, "Command line"): add fields, never rename them.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {}

    /** One entry of {@code info --json}; {@code time} is ISO-8601 in UTC or {@code null}. */
    @JsonPropertyOrder({"kind", "name", "state", "time", "attempts", "detail"})
    record InfoJson(String kind, String name, String state, String time, int attempts, String detail) {
        static InfoJson of(InfoEntry entry) {
            return new InfoJson(
                    entry.kind().name().toLowerCase(Locale.ROOT),
                    entry.name(),
                    entry.state(),
                    iso(entry.time()),
                    entry.attempts(),
                    entry.detail());
        }
    }

    /** One attempt of {@code history --json}. */
    @JsonPropertyOrder({
        "id",
        "name",
        "state",
        "attempt",
        "owner",
        "reason",
        "startedAt",
        "finishedAt",
        "durationMillis",
        "error"
    })
    record AttemptJson(
            long id,
            String name,
            String state,
            int attempt,
            String owner,
            String reason,
            String startedAt,
            String finishedAt,
            Long durationMillis,
            ErrorJson error) {
        static AttemptJson of(OperationAttempt attempt) {
            OperationAttempt.Error error = attempt.error();
            return new AttemptJson(
                    attempt.id(),
                    attempt.name(),
                    attempt.state().dbValue(),
                    attempt.attempt(),
                    attempt.owner(),
                    attempt.reason(),
                    iso(attempt.startedAt()),
                    iso(attempt.finishedAt()),
                    attempt.duration() == null ? null : attempt.duration().toMillis(),
                    error == null ? null : new ErrorJson(error.exceptionClass(), error.message(), error.stackTrace()));
        }
    }

    @JsonPropertyOrder({"exceptionClass", "message", "stackTrace"})
    record ErrorJson(String exceptionClass, String message, String stackTrace) {}

    static void writeInfo(PrintWriter out, List<InfoEntry> entries) throws JsonProcessingException {
        write(out, entries.stream().map(InfoJson::of).toList());
    }

    static void writeHistory(PrintWriter out, List<OperationAttempt> attempts) throws JsonProcessingException {
        write(out, attempts.stream().map(AttemptJson::of).toList());
    }

    private static void write(PrintWriter out, Object document) throws JsonProcessingException {
        out.println(MAPPER.writeValueAsString(document));
        out.flush();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
