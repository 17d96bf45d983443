package dev.sequencer.processor;

/**
 * Checks the {@code afterMigration} attribute: a Flyway version, digits separated by single {@code '.'} or
 * {@code '_'} ({@code 2}, {@code 2.1}, {@code 1_0_3}). One pass over the characters, so that a version of any length
 * is checked in linear time and constant stack (a regular expression with a repeated group recurses per part).
 */
final class FlywayVersion {

    private FlywayVersion() {}

    static boolean isValid(String version) {
        boolean afterDigit = false;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c >= '0' && c <= '9') {
                afterDigit = true;
            } else if ((c == '.' || c == '_') && afterDigit) {
                afterDigit = false;
            } else {
                return false;
            }
        }
        return afterDigit;
    }
}
