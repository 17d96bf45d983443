package dev.sequencer.processor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as written in {@code @Retry} and {@code @Timeout}: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h},
 * {@code 1d}, or ISO-8601 ({@code PT30S}). Parsed at compile time, so that the generated code only holds
 * milliseconds.
 */
final class DurationLiteral {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DurationLiteral() {}

    /** Whether {@code text} has the form of a duration but more milliseconds than a long holds. */
    static boolean isTooLarge(String text) {
        String trimmed = text.strip();
        if (SHORT.matcher(trimmed).matches()) {
            return millis(trimmed).isEmpty();
        }
        try {
            Duration.parse(trimmed).toMillis();
            return false;
        } catch (ArithmeticException e) {
            return true;
        } catch (DateTimeParseException e) {
            return e.getCause() instanceof ArithmeticException;
        }
    }

    /** The duration in milliseconds (possibly negative, for ISO-8601), or empty when {@code text} is not one. */
    static OptionalLong millis(String text) {
        String trimmed = text.strip();
        Matcher matcher = SHORT.matcher(trimmed);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                long unit = switch (matcher.group(2)) {
                    case "ms" -> 1L;
                    case "s" -> 1_000L;
                    case "m" -> 60_000L;
                    case "h" -> 3_600_000L;
                    default -> 86_400_000L;
                };
                return OptionalLong.of(Math.multiplyExact(amount, unit));
            }
            return OptionalLong.of(Duration.parse(trimmed).toMillis());
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            // too large, or not ISO-8601: not a duration
            return OptionalLong.empty();
        }
    }
}
