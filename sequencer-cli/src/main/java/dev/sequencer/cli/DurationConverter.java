package dev.sequencer.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A duration written as in Sequencer's configuration: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, ISO-8601. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    /** Longer waits are refused: a worker waits in slices whose deadline must stay computable. */
    static final Duration LONGEST = Duration.ofDays(3650);

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final Map<String, ChronoUnit> UNITS = Map.of(
            "ms", ChronoUnit.MILLIS,
            "s", ChronoUnit.SECONDS,
            "m", ChronoUnit.MINUTES,
            "h", ChronoUnit.HOURS,
            "d", ChronoUnit.DAYS);

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value.strip());
        if (duration.isNegative() || duration.compareTo(LONGEST) > 0) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is out of range; give a duration between 0 and " + LONGEST.toDays() + "d");
        }
        return duration;
    }

    private static Duration parse(String value) {
        Matcher matcher = AMOUNT_AND_UNIT.matcher(value);
        if (matcher.matches()) {
            return Duration.of(Long.parseLong(matcher.group(1)), UNITS.get(matcher.group(2)));
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration; write it like 500ms, 30s, 2m, 1h or PT30S");
        }
    }
}
