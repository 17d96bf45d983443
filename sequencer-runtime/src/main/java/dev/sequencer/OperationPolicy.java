package dev.sequencer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an operation is run, from its {@code @Retry}, {@code @Timeout}, {@code @AllowedToFail} and
 * {@code @Environments} annotations, checked by the processor at compile time.
 *
 * @param attempts attempts in all, at least 1
 * @param backoff delays between attempts; the last one repeats; empty means no delay
 * @param timeout the time limit of one attempt, or {@code null} for none
 * @param allowedToFail whether a failure lets the run go on without rolling anything back
 * @param environments environment names or {@code *} patterns where the operation runs; empty means everywhere
 * @param partitionConcurrency for a {@code @Partitioned} operation, how many of its partitions may run at once
 *     cluster-wide ({@code 0}: no limit); {@link #NOT_PARTITIONED} for any other
 */
public record OperationPolicy(
        int attempts,
        List<Duration> backoff,
        Duration timeout,
        boolean allowedToFail,
        List<String> environments,
        int partitionConcurrency) {

    /** {@link #partitionConcurrency()} of an operation that is not {@code @Partitioned}. */
    public static final int NOT_PARTITIONED = -1;

    /** One attempt, no time limit, failures stop the run, every environment, not partitioned. */
    public static final OperationPolicy DEFAULT = new OperationPolicy(1, List.of(), null, false, List.of());

    /**
     * Checks and copies the values.
     *
     * @param attempts attempts in all, at least 1
     * @param backoff delays between attempts
     * @param timeout the time limit of one attempt, or {@code null}
     * @param allowedToFail whether a failure lets the run go on
     * @param environments where the operation runs; empty means everywhere
     * @param partitionConcurrency partitions at once, {@code 0} for no limit, or {@link #NOT_PARTITIONED}
     * @throws IllegalArgumentException for fewer than 1 attempt or a negative concurrency
     */
    public OperationPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        if (partitionConcurrency < NOT_PARTITIONED) {
            throw new IllegalArgumentException("partition concurrency must be 0 or more, not " + partitionConcurrency);
        }
        backoff = List.copyOf(backoff);
        environments = List.copyOf(environments);
    }

    /**
     * A policy of an operation that is not partitioned.
     *
     * @param attempts attempts in all, at least 1
     * @param backoff delays between attempts
     * @param timeout the time limit of one attempt, or {@code null}
     * @param allowedToFail whether a failure lets the run go on
     * @param environments where the operation runs; empty means everywhere
     */
    public OperationPolicy(
            int attempts, List<Duration> backoff, Duration timeout, boolean allowedToFail, List<String> environments) {
        this(attempts, backoff, timeout, allowedToFail, environments, NOT_PARTITIONED);
    }

    /** {@return whether the operation is {@code @Partitioned}} */
    public boolean partitioned() {
        return partitionConcurrency != NOT_PARTITIONED;
    }

    /**
     * The delay before an attempt.
     *
     * @param attempt the attempt's number: 2 for the first retry
     * @return the delay; zero for the first attempt or without backoff
     */
    public Duration delayBefore(int attempt) {
        if (attempt < 2 || backoff.isEmpty()) {
            return Duration.ZERO;
        }
        return backoff.get(Math.min(attempt - 2, backoff.size() - 1));
    }

    /**
     * Whether the operation runs in an environment.
     *
     * @param environment {@code sequencer.environment}, or {@code null} when none is configured
     * @return true when it runs there
     */
    public boolean runsIn(String environment) {
        if (environments.isEmpty()) {
            return true;
        }
        if (environment == null) {
            return false;
        }
        for (String pattern : environments) {
            if (matches(pattern, environment)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            regex.append(ch == '*' ? ".*" : Pattern.quote(String.valueOf(ch)));
        }
        return value.matches(regex.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperationPolicy p
                && attempts == p.attempts
                && partitionConcurrency == p.partitionConcurrency
                && allowedToFail == p.allowedToFail
                && backoff.equals(p.backoff)
                && Objects.equals(timeout, p.timeout)
                && environments.equals(p.environments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attempts, backoff, timeout, allowedToFail, environments, partitionConcurrency);
    }
}
