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
    INVALID_DERIVED_NAME(
            "SEQ-108",
            "@Operation name \"%s\" is invalid: use 1 to 191 letters, digits, '_', '-' or '.' (the name is derived"
                    + " from the timestamp and the class name of %s: give one with @Operation(name = \"...\"))"),
    DUPLICATE_NAME("SEQ-104", "Operation name \"%s\" is already used by %s; operation names must be unique"),
    INVALID_AFTER_MIGRATION(
            "SEQ-105",
            "@Operation afterMigration \"%s\" is not a Flyway version: use digits separated by '.' or '_',"
                    + " for example \"2.1\""),
    BLANK_TAG("SEQ-106", "@Operation tags must not be blank"),
    DUPLICATE_TAG("SEQ-107", "@Operation tag \"%s\" is listed more than once"),
    RETRY_ATTEMPTS_OUT_OF_RANGE(
            "SEQ-111", "@Retry attempts %d is out of range: use 1 to 100 (attempts in all, the first one included)"),
    INVALID_BACKOFF(
            "SEQ-112",
            "@Retry backoff \"%s\" is not a duration of zero or more: write 500ms, 30s, 2m, 1h, 1d"
                    + " or ISO-8601 such as PT30S"),
    BACKOFF_LONGER_THAN_ATTEMPTS(
            "SEQ-116",
            "@Retry lists %d backoff delays, but %d attempts have only %d gaps between them: remove the delays that"
                    + " can never be used, or raise attempts"),
    INVALID_TIMEOUT(
            "SEQ-113",
            "@Timeout \"%s\" is not a duration of more than zero: write 500ms, 30s, 2m, 1h, 1d"
                    + " or ISO-8601 such as PT30S"),
    INVALID_ENVIRONMENT(
            "SEQ-114",
            "@Environments entry \"%s\" is invalid: use letters, digits, '-', '_', '.', and '*' to match any"
                    + " characters"),
    PARTITION_CONCURRENCY_NEGATIVE(
            "SEQ-118",
            "@Partitioned concurrency %d is negative: use 0 (no limit beyond the workers) or the most partitions that"
                    + " may run at once"),
    NOT_A_PARTITIONED_OPERATION(
            "SEQ-119",
            "@Partitioned class %s must implement dev.sequencer.PartitionedOperation (its partitions() and"
                    + " handlePartition(...))"),
    TIMEOUT_TOO_LARGE(
            "SEQ-117",
            "@Timeout \"%s\" is too large: the runtime waits at most 106751 days (about 292 years, the most"
                    + " nanoseconds a long holds)"),
    NO_ENVIRONMENTS(
            "SEQ-115",
            "@Environments lists no environment, so the operation could never run: list at least one,"
                    + " or remove the annotation to run everywhere"),

    NOT_A_CLASS("SEQ-201", "%s is only allowed on classes and records, not on the %s %s"),
    ABSTRACT_CLASS("SEQ-202", "%s class %s must not be abstract: the registry must be able to build it"),
    NOT_PUBLIC("SEQ-203", "%s class %s must be public"),
    INNER_CLASS("SEQ-204", "%s class %s is an inner class: make it static, or a top-level class"),
    ENCLOSING_NOT_PUBLIC("SEQ-205", "%s class %s is nested in %s, which must be public"),
    NOT_AN_OPERATION_HANDLER("SEQ-206", "@Operation class %s must implement dev.sequencer.OperationHandler"),
    RUNTIME_MISSING(
            "SEQ-207",
            "%s is not on the compile classpath: add the dependency dev.sequencer:sequencer-runtime to compile %s"
                    + " classes"),
    ASYNCHRONOUS_WITHOUT_OPERATION("SEQ-208", "@Asynchronous on %s is only allowed together with @Operation"),
    POLICY_WITHOUT_OPERATION("SEQ-209", "%s on %s is only allowed together with @Operation"),
    CONSTRUCTOR_THROWS_CHECKED(
            "SEQ-210",
            "%s class %s has a public no-argument constructor that declares %s, which the generated registry cannot"
                    + " pass on: catch it in the constructor, move that work into handle(), or make the constructor"
                    + " non-public so that an OperationFactory builds the class"),

    DEPENDENCY_NOT_AN_OPERATION("SEQ-301", "@Operation %s depends on %s, which is not an @Operation class"),
    DEPENDS_ON_ITSELF("SEQ-302", "@Operation %s depends on itself"),
    DEPENDS_ON_LATER(
            "SEQ-303",
            "@Operation %s depends on %s (%s), which does not come earlier in the order (timestamp, then name):"
                    + " a dependency must come earlier"),
    DEPENDENCY_CYCLE("SEQ-304", "@Operation dependencies form a cycle: %s"),
    DEPENDENCY_NOT_REGISTRABLE(
            "SEQ-305", "@Operation %s depends on %s, which no registry can contain, so it would wait forever: %s"),
    DEPENDENCY_NOT_REGISTERED(
            "SEQ-306",
            "@Operation %s depends on %s, which was compiled without the Sequencer annotation processor, so no"
                    + " registry lists it and it would wait forever: add the processor to the build of its module"),

    INVALID_PACKAGE_OPTION("SEQ-401", "Processor option -Asequencer.package=%s is not a valid package name"),
    LATE_OPERATION(
            "SEQ-402",
            "@Operation %s was generated by another annotation processor after GeneratedSequencer was written, so it"
                    + " cannot be in the registry; write the operation class by hand, or move it to another module"),
    LATE_DEFERRED(
            "SEQ-403",
            "@Deferred %s was generated by another annotation processor after GeneratedSequencer was written, so it"
                    + " cannot be in the registry; write the handler class by hand, or move it to another module"),

    REGISTRY_NAME_TAKEN(
            "SEQ-405",
            "%s is the name of the registry the processor generates: rename this class, or move the registry to"
                    + " another package with -Asequencer.package=..."),
    REGISTRY_IN_UNNAMED_PACKAGE(
            "SEQ-406",
            "The @Operation classes share no package, so GeneratedSequencer is generated in the unnamed package,"
                    + " which code in a named package cannot import: choose its package with the processor option"
                    + " -Asequencer.package=<package>"),
    EARLIER_BUILD(
            "SEQ-404", "%s (in %s, which an earlier build compiled and this one did not: a clean build recompiles it)"),

    INVALID_ALIAS("SEQ-501", "@Deferred alias \"%s\" is invalid: use 1 to 100 letters, digits, '_', '.' or '-'"),
    DUPLICATE_ALIAS("SEQ-502", "@Deferred alias \"%s\" is already used by %s; aliases must be unique"),
    NOT_A_DEFERRED_HANDLER("SEQ-503", "@Deferred class %s must implement dev.sequencer.DeferredHandler"),
    DEFERRED_WITH_OPERATION(
            "SEQ-504",
            "@Deferred class %s must not also be an @Operation: a class is either an operation or a deferred"
                    + " handler"),

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
