package dev.sequencer.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads and checks the policy annotations of one {@code @Operation} class ({@code @Retry}, {@code @Timeout},
 * {@code @AllowedToFail}, {@code @Environments}, {@code @Partitioned}); each problem is reported on the value at
 * fault.
 */
final class PolicyReader {

    static final int MAX_ATTEMPTS = 100;

    /** The runtime waits for a time limit in nanoseconds held in a long: about 292 years. */
    static final long MAX_TIMEOUT_MILLIS = Long.MAX_VALUE / 1_000_000;

    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9_.*-]+");

    private final Elements elements;

    PolicyReader(Elements elements) {
        this.elements = elements;
    }

    /** The policy of {@code type}; problems go to {@code report} (the policy is then meaningless). */
    PolicyModel read(TypeElement type, ValidationReport report) {
        int attempts = 1;
        List<Long> backoff = new ArrayList<>();
        Optional<ClassAnnotation> retry = ClassAnnotation.of(type, ClassAnnotation.RETRY, elements);
        if (retry.isPresent()) {
            attempts = retry.get().integer("attempts");
            if (attempts < 1 || attempts > MAX_ATTEMPTS) {
                report.add(retry.get().problemOnAttribute("attempts", Message.RETRY_ATTEMPTS_OUT_OF_RANGE, attempts));
            }
            List<AnnotationValue> delays = retry.get().entries("backoff");
            if (attempts >= 1 && attempts <= MAX_ATTEMPTS && delays.size() > attempts - 1) {
                report.add(retry.get()
                        .problemOnEntry(
                                delays.get(Math.max(0, attempts - 1)),
                                Message.BACKOFF_LONGER_THAN_ATTEMPTS,
                                delays.size(),
                                attempts,
                                attempts - 1));
            }
            for (AnnotationValue entry : delays) {
                String text = String.valueOf(entry.getValue());
                OptionalLong millis = DurationLiteral.millis(text);
                if (millis.isEmpty() || millis.getAsLong() < 0) {
                    report.add(retry.get().problemOnEntry(entry, Message.INVALID_BACKOFF, text));
                } else {
                    backoff.add(millis.getAsLong());
                }
            }
        }
        Long timeout = null;
        Optional<ClassAnnotation> limit = ClassAnnotation.of(type, ClassAnnotation.TIMEOUT, elements);
        if (limit.isPresent()) {
            String text = limit.get().string("value");
            OptionalLong millis = DurationLiteral.millis(text);
            if (DurationLiteral.isTooLarge(text) || (millis.isPresent() && millis.getAsLong() > MAX_TIMEOUT_MILLIS)) {
                report.add(limit.get().problemOnAttribute("value", Message.TIMEOUT_TOO_LARGE, text));
            } else if (millis.isEmpty() || millis.getAsLong() <= 0) {
                report.add(limit.get().problemOnAttribute("value", Message.INVALID_TIMEOUT, text));
            } else {
                timeout = millis.getAsLong();
            }
        }
        List<String> environments = new ArrayList<>();
        Optional<ClassAnnotation> where = ClassAnnotation.of(type, ClassAnnotation.ENVIRONMENTS, elements);
        if (where.isPresent()) {
            List<AnnotationValue> entries = where.get().entries("value");
            if (entries.isEmpty()) {
                report.add(where.get().problemOnAttribute("value", Message.NO_ENVIRONMENTS));
            }
            for (AnnotationValue entry : entries) {
                String environment = String.valueOf(entry.getValue());
                if (!ENVIRONMENT.matcher(environment).matches()) {
                    report.add(where.get().problemOnEntry(entry, Message.INVALID_ENVIRONMENT, environment));
                } else {
                    environments.add(environment);
                }
            }
        }
        boolean allowedToFail =
                ClassAnnotation.find(type, ClassAnnotation.ALLOWED_TO_FAIL).isPresent();
        Integer concurrency = null;
        Optional<ClassAnnotation> partitioned = ClassAnnotation.of(type, ClassAnnotation.PARTITIONED, elements);
        if (partitioned.isPresent()) {
            concurrency = partitioned.get().integer("concurrency");
            if (concurrency < 0) {
                report.add(partitioned
                        .get()
                        .problemOnAttribute("concurrency", Message.PARTITION_CONCURRENCY_NEGATIVE, concurrency));
            }
        }
        return new PolicyModel(Math.max(1, attempts), backoff, timeout, allowedToFail, environments, concurrency);
    }
}
