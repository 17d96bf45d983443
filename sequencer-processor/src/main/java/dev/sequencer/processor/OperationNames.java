package dev.sequencer.processor;

import java.util.Locale;
import java.util.regex.Pattern;

/** Derives operation names and checks explicit ones. */
final class OperationNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,191}");

    private OperationNames() {}

    /** Whether {@code name} may be an operation name: 1 to 191 letters, digits, '_', '-' or '.'. */
    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** {@code <yyyy_MM_dd_HHmmss>_<snake_case simple name>}, for example {@code 2024_01_02_000000_seed_admin_user}. */
    static String derive(String timestampDigits, String simpleClassName) {
        return OperationTimestamp.display(timestampDigits) + '_' + snakeCase(simpleClassName);
    }

    /**
     * {@code SeedAdminUser -> seed_admin_user}, {@code HTTPBackfill2 -> http_backfill2}: a word starts at an upper-case
     * letter that follows a lower-case letter or digit, or that ends a run of capitals (an acronym stays one word).
     */
    static String snakeCase(String simpleName) {
        StringBuilder out = new StringBuilder(simpleName.length() + 8);
        for (int i = 0; i < simpleName.length(); i++) {
            char c = simpleName.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char previous = simpleName.charAt(i - 1);
                boolean afterWord = Character.isLowerCase(previous) || Character.isDigit(previous);
                boolean endsAcronym = Character.isUpperCase(previous)
                        && i + 1 < simpleName.length()
                        && Character.isLowerCase(simpleName.charAt(i + 1));
                if (afterWord || endsAcronym) {
                    out.append('_');
                }
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
