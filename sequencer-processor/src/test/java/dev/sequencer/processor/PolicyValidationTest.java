package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.assertErrorAt;
import static dev.sequencer.processor.TestSources.assertOnlyError;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationPolicy;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compile errors of {@code @Retry}, {@code @Timeout}, {@code @AllowedToFail} and {@code @Environments}: message
 * (from {@link Message}), file, line, column and count; and what valid values become in the registry.
 */
class PolicyValidationTest {

    private static final int POLICY = 5;

    /** An operation with {@code policy} on the line after {@code @Operation}. */
    private static JavaFileObject operation(String policy) {
        return source(
                "com.example.Op",
                "@Operation(timestamp = \"2024_01_02_000000\")",
                policy,
                "public final class Op implements OperationHandler {",
                "    @Override public void handle(OperationContext context) {}",
                "}");
    }

    @Nested
    class Retry {

        @Test
        void rejectsZeroAttemptsOnTheAttemptsValue() {
            JavaFileObject op = operation("@Retry(attempts = 0)");
            assertOnlyError(compile(op), Message.RETRY_ATTEMPTS_OUT_OF_RANGE.format(0), op, POLICY, "0)");
        }

        @Test
        void rejectsMoreThanOneHundredAttempts() {
            JavaFileObject op = operation("@Retry(attempts = 101)");
            assertOnlyError(compile(op), Message.RETRY_ATTEMPTS_OUT_OF_RANGE.format(101), op, POLICY, "101");
        }

        @Test
        void rejectsBackoffThatIsNotADurationOnTheEntry() {
            JavaFileObject op = operation("@Retry(backoff = {\"1s\", \"soon\"})");
            assertOnlyError(compile(op), Message.INVALID_BACKOFF.format("soon"), op, POLICY, "\"soon\"");
        }

        @Test
        void rejectsNegativeBackoff() {
            JavaFileObject op = operation("@Retry(backoff = \"PT-1S\")");
            assertOnlyError(compile(op), Message.INVALID_BACKOFF.format("PT-1S"), op, POLICY, "\"PT-1S\"");
        }

        @Test
        void rejectsMoreBackoffDelaysThanGapsBetweenAttemptsOnTheFirstExtraDelay() {
            JavaFileObject op = operation("@Retry(attempts = 2, backoff = {\"1s\", \"2s\", \"3s\"})");
            assertOnlyError(compile(op), Message.BACKOFF_LONGER_THAN_ATTEMPTS.format(3, 2, 1), op, POLICY, "\"2s\"");
        }

        @Test
        void rejectsMoreBackoffDelaysThanTheDefaultAttemptsAllow() {
            JavaFileObject op = operation("@Retry(backoff = {\"1s\", \"2s\", \"3s\"})");
            assertOnlyError(compile(op), Message.BACKOFF_LONGER_THAN_ATTEMPTS.format(3, 3, 2), op, POLICY, "\"3s\"");
        }

        @Test
        void rejectsBackoffTooLargeForMilliseconds() {
            JavaFileObject op = operation("@Retry(backoff = \"99999999999999999999d\")");
            assertOnlyError(compile(op), Message.INVALID_BACKOFF.format("99999999999999999999d"), op, POLICY, "\"9999");
        }
    }

    @Nested
    class Timeout {

        @Test
        void rejectsTimeoutThatIsNotADurationOnTheValue() {
            JavaFileObject op = operation("@Timeout(\"forever\")");
            assertOnlyError(compile(op), Message.INVALID_TIMEOUT.format("forever"), op, POLICY, "\"forever\"");
        }

        @Test
        void rejectsZeroTimeout() {
            JavaFileObject op = operation("@Timeout(value = \"0s\")");
            assertOnlyError(compile(op), Message.INVALID_TIMEOUT.format("0s"), op, POLICY, "\"0s\"");
        }

        @Test
        void rejectsNegativeTimeout() {
            JavaFileObject op = operation("@Timeout(\"-PT30S\")");
            assertOnlyError(compile(op), Message.INVALID_TIMEOUT.format("-PT30S"), op, POLICY, "\"-PT30S\"");
        }
    }

    @Nested
    class Environments {

        @Test
        void rejectsEnvironmentWithOtherCharactersOnTheEntry() {
            JavaFileObject op = operation("@Environments({\"production\", \"staging/eu\"})");
            assertOnlyError(
                    compile(op), Message.INVALID_ENVIRONMENT.format("staging/eu"), op, POLICY, "\"staging/eu\"");
        }

        @Test
        void rejectsBlankEnvironment() {
            JavaFileObject op = operation("@Environments({\"production\", \" \"})");
            assertOnlyError(compile(op), Message.INVALID_ENVIRONMENT.format(" "), op, POLICY, "\" \"");
        }

        @Test
        void rejectsEmptyEnvironmentsOnTheValue() {
            JavaFileObject op = operation("@Environments({})");
            assertOnlyError(compile(op), Message.NO_ENVIRONMENTS.format(), op, POLICY, "{}");
        }
    }

    @Nested
    class WithoutOperation {

        @Test
        void rejectsEachPolicyAnnotationWithoutOperationOnTheAnnotation() {
            JavaFileObject op = source(
                    "com.example.Op",
                    "@Retry",
                    "@Timeout(\"30s\")",
                    "@AllowedToFail",
                    "@Environments(\"production\")",
                    "public final class Op implements OperationHandler { public void handle(OperationContext c) {} }");
            Compilation compilation = compile(op);
            assertThat(compilation).failed();
            assertThat(compilation).hadErrorCount(4);
            assertErrorAt(compilation, Message.POLICY_WITHOUT_OPERATION.format("@Retry", "Op"), op, 4, "@Retry");
            assertErrorAt(compilation, Message.POLICY_WITHOUT_OPERATION.format("@Timeout", "Op"), op, 5, "@Timeout");
            assertErrorAt(
                    compilation,
                    Message.POLICY_WITHOUT_OPERATION.format("@AllowedToFail", "Op"),
                    op,
                    6,
                    "@AllowedToFail");
            assertErrorAt(
                    compilation,
                    Message.POLICY_WITHOUT_OPERATION.format("@Environments", "Op"),
                    op,
                    7,
                    "@Environments");
        }

        @Test
        void rejectsPolicyAnnotationOnADeferredHandler() {
            JavaFileObject handler = source(
                    "com.example.Handler",
                    "@Deferred(\"handler\")",
                    "@Retry(attempts = 2)",
                    "public final class Handler implements DeferredHandler {",
                    "    public void handle(OperationContext c, String json) {}",
                    "}");
            assertOnlyError(
                    compile(handler),
                    Message.POLICY_WITHOUT_OPERATION.format("@Retry", "Handler"),
                    handler,
                    5,
                    "@Retry");
        }
    }

    @Nested
    class Emitted {

        /** The policy of the only operation, as the compiled registry decodes it. */
        private OperationPolicy policy(Compilation compilation) {
            assertThat(compilation).succeeded();
            List<OperationDescriptor> registry = LoadedRegistry.operations(compilation);
            assertThat(registry).hasSize(1);
            return registry.get(0).policy();
        }

        @Test
        void writesEveryDurationFormInMilliseconds() {
            OperationPolicy policy = policy(compile(operation(
                    "@Retry(attempts = 9, backoff = {\"500ms\", \"30s\", \"2m\", \"1h\", \"1d\", \"PT1.5S\", \"0s\"})"
                            + " @Timeout(\"30d\")")));
            assertThat(policy)
                    .isEqualTo(new OperationPolicy(
                            9,
                            List.of(
                                    Duration.ofMillis(500),
                                    Duration.ofSeconds(30),
                                    Duration.ofMinutes(2),
                                    Duration.ofHours(1),
                                    Duration.ofDays(1),
                                    Duration.ofMillis(1500),
                                    Duration.ZERO),
                            Duration.ofDays(30),
                            false,
                            List.of()));
        }

        @Test
        void writesTheDefaultAttemptsAndNoTimeoutForEnvironmentsAlone() {
            OperationPolicy policy = policy(compile(operation("@Environments(\"staging-*\")")));
            assertThat(policy).isEqualTo(new OperationPolicy(1, List.of(), null, false, List.of("staging-*")));
        }

        @Test
        void writesTheRetryDefaultsAndAllowedToFail() {
            OperationPolicy policy = policy(compile(operation("@Retry @AllowedToFail")));
            assertThat(policy.attempts()).isEqualTo(3);
            assertThat(policy.allowedToFail()).isTrue();
            assertThat(policy.timeout()).isNull();
            assertThat(policy.environments()).isEmpty();
        }

        @Test
        void writesTheDefaultPolicyWithoutPolicyAnnotations() {
            OperationPolicy policy = policy(compile(operation("")));
            assertThat(policy).isSameInstanceAs(OperationPolicy.DEFAULT);
        }
    }
}
