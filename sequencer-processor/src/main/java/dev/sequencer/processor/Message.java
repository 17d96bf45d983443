package dev.sequencer.processor;

import java.util.Locale;

/**
 * Every diagnostic the processor reports, in one place. Each constant has a stable id (for documentation and
 * searching) and a {@link String#format} template; tests assert on {@link #format}, never on copied text.
 */
enum Message {
    TIMESTAMP_MALFORMED(
            "SEQ-101",
            "@Operation timestamp \"%s\" is malformed: write yyyy_MM_dd_HHmmss (\"2024_01_02_000000\")"
                    + " or fourteen digits (\"20240102000000\")"),
    TIMESTAMP_IMPOSSIBLE(
            "SEQ-102",
            "@Operation timestamp \"%s\" is not a real date and time: the month must be 01-12, the day must exist"
                    + " in that month, the hour 00-23, minutes and seconds 00-59"),
    INVALID_NAME(
            "SEQ-103",
            "@Operation name \"%s\" is invalid: use 1 to 191 letters, digits, '_', '-' or '.'"
                    + " (or leave it out to derive the name from timestamp and class)"),
    DUPLICATE_NAME("SEQ-104", "Operation name \"%s\" is already used by %s; operation names must be unique"),
    INVALID_AFTER_MIGRATION(
            "SEQ-105",
            "@Operation afterMigration \"%s\" is not a Flyway version: use digits separated by '.' or '_',"
                    + " for example \"2.1\""),
    BLANK_TAG("SEQ-106", "@Operation tags must not be blank"),
    DUPLICATE_TAG("SEQ-107", "@Operation tag \"%s\" is listed more than once"),

    NOT_A_CLASS("SEQ-201", "@Operation is only allowed on classes and records, not on the %s %s"),
    ABSTRACT_CLASS("SEQ-202", "@Operation class %s must not be abstract: the registry must be able to build it"),
    NOT_PUBLIC("SEQ-203", "@Operation class %s must be public"),
    INNER_CLASS("SEQ-204", "@Operation class %s is an inner class: make it static, or a top-level class"),
    ENCLOSING_NOT_PUBLIC("SEQ-205", "@Operation class %s is nested in %s, which must be public"),
    NOT_AN_OPERATION_HANDLER("SEQ-206", "@Operation class %s must implement dev.sequencer.OperationHandler"),
    RUNTIME_MISSING(
            "SEQ-207",
            "dev.sequencer.OperationHandler is not on the compile classpath: add the dependency"
                    + " dev.sequencer:sequencer-runtime to compile @Operation classes"),
    ASYNCHRONOUS_WITHOUT_OPERATION("SEQ-208", "@Asynchronous on %s is only allowed together with @Operation"),

    DEPENDENCY_NOT_AN_OPERATION("SEQ-301", "@Operation %s depends on %s, which is not an @Operation class"),
    DEPENDS_ON_ITSELF("SEQ-302", "@Operation %s depends on itself"),
    DEPENDS_ON_LATER(
            "SEQ-303",
            "@Operation %s depends on %s (%s), which does not come earlier in the order (timestamp, then name):"
                    + " a dependency must come earlier"),
    DEPENDENCY_CYCLE("SEQ-304", "@Operation dependencies form a cycle: %s"),

    INVALID_PACKAGE_OPTION("SEQ-401", "Processor option -Asequencer.package=%s is not a valid package name"),
    INTERNAL_ERROR(
            "SEQ-901",
            "The Sequencer annotation processor failed unexpectedly; please report this with the stack trace:%n%s");

    private final String id;
    private final String template;

    Message(String id, String template) {
        this.id = id;
        this.template = template;
    }

    /** The stable id, for example {@code SEQ-101}. */
    String id() {
        return id;
    }

    /** The text for these arguments. */
    String format(Object... arguments) {
        return String.format(Locale.ROOT, template, arguments);
    }
}
