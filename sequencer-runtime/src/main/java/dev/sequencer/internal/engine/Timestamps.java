package dev.sequencer.internal.engine;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Operation timestamps as users write them: {@code 2024_01_02_000000} or {@code 20240102000000}. */
public final class Timestamps {

    private static final DateTimeFormatter DIGITS =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private Timestamps() {}

    /**
     * The fourteen digits of {@code text}.
     *
     * @param what what the value is, for the message ({@code from}, {@code the baseline timestamp})
     * @throws IllegalArgumentException when it is not a timestamp, or not a real date and time
     */
    public static String parse(String text, String what) {
        String digits = text == null ? "" : text.strip().replace("_", "");
        if (!digits.matches("\\d{14}")) {
            throw new IllegalArgumentException(what + " is '" + text
                    + "', which is not a timestamp; write it like 2024_01_02_000000 or 20240102000000");
        }
        try {
            LocalDateTime.parse(digits, DIGITS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    what + " is '" + text + "', which is not a real date and time (yyyy_MM_dd_HHmmss)");
        }
        return digits;
    }
}
