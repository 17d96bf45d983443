package dev.sequencer.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Durations and instants as an operator reads them: {@code 12 ms}, {@code 1.8 s}, {@code 2024-05-01 10:00:01}. */
final class HumanTime {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HumanTime() {}

    /** {@code 12 ms} below a second, {@code 1.8 s} below a minute, {@code 2 min 5 s} and {@code 3 h 2 min} above. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** The instant in UTC, to the second, or empty for {@code null}. */
    static String instant(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
