package dev.sequencer.processor;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Reads the {@code timestamp} attribute: {@code yyyy_MM_dd_HHmmss} or fourteen digits, a real date and time. */
final class OperationTimestamp {

    private static final Pattern SEPARATED = Pattern.compile("\\d{4}_\\d{2}_\\d{2}_\\d{6}");
    private static final Pattern DIGITS = Pattern.compile("\\d{14}");
    private static final DateTimeFormatter STRICT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private OperationTimestamp() {}

    /** Whether {@code raw} has one of the two accepted shapes (it may still be an impossible date). */
    static boolean isWellFormed(String raw) {
        return SEPARATED.matcher(raw).matches() || DIGITS.matcher(raw).matches();
    }

    /** Fourteen digits {@code yyyyMMddHHmmss} for a well-formed {@code raw}. */
    static String digits(String raw) {
        return raw.replace("_", "");
    }

    /** Whether the well-formed {@code raw} names a date and time that exists. */
    static boolean isRealDateTime(String raw) {
        try {
            LocalDateTime.parse(digits(raw), STRICT);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The fourteen digits as written in derived names, {@code yyyy_MM_dd_HHmmss}. */
    static String display(String digits) {
        return digits.substring(0, 4)
                + '_'
                + digits.substring(4, 6)
                + '_'
                + digits.substring(6, 8)
                + '_'
                + digits.substring(8);
    }
}
