package dev.sequencer.internal.config;

import dev.sequencer.internal.message.RuntimeMessage;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT30S}). */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {}

    /** The longest duration accepted: what {@link Duration#toNanos()} can still express, about 292 years. */
    public static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);

    /**
     * Returns the duration, or throws {@link IllegalArgumentException} naming the accepted forms, or saying that the
     * value is too large (over {@link #MAX}, which timers and time limits cannot express).
     */
    public static Duration parse(String text) {
        String value = text.trim();
        Duration parsed;
        try {
            parsed = parseUnchecked(value);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            throw tooLarge(text);
        }
        if (parsed.compareTo(MAX) > 0) {
            throw tooLarge(text);
        }
        return parsed;
    }

    private static Duration parseUnchecked(String value) {
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            if (e.getCause() instanceof ArithmeticException overflow) {
                throw overflow;
            }
            throw new IllegalArgumentException(RuntimeMessage.NOT_A_DURATION.format(value));
        }
    }

    private static IllegalArgumentException tooLarge(String text) {
        return new IllegalArgumentException(RuntimeMessage.DURATION_TOO_LARGE.format(text.trim(), MAX.toDays()));
    }

    /** Formats a duration the way it is written in configuration. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0 && ms != 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
