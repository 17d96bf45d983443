package dev.sequencer.processor;

import java.util.List;

/**
 * How one operation runs, from {@code @Retry}, {@code @Timeout}, {@code @AllowedToFail} and {@code @Environments};
 * the compile-time form of {@code dev.sequencer.OperationPolicy}.
 *
 * @param attempts attempts in all, 1 to 100
 * @param backoffMillis delays between attempts, in milliseconds
 * @param timeoutMillis the time limit in milliseconds, or {@code null} for none
 * @param allowedToFail whether annotated {@code @AllowedToFail}
 * @param environments environment names or patterns; empty means everywhere
 * @param partitionConcurrency {@code @Partitioned(concurrency)}, or {@code null} when not partitioned
 */
record PolicyModel(
        int attempts,
        List<Long> backoffMillis,
        Long timeoutMillis,
        boolean allowedToFail,
        List<String> environments,
        Integer partitionConcurrency) {

    /** What an operation without any of the annotations gets; equal to {@code OperationPolicy.DEFAULT}. */
    static final PolicyModel DEFAULT = new PolicyModel(1, List.of(), null, false, List.of(), null);

    PolicyModel {
        backoffMillis = List.copyOf(backoffMillis);
        environments = List.copyOf(environments);
    }

    boolean isDefault() {
        return equals(DEFAULT);
    }
}
