package dev.sequencer.test;

import dev.sequencer.RunReport;

/**
 * How one run of an operation by {@link Operations#run} ended.
 *
 * @param outcome {@code COMPLETED}, {@code SKIPPED} or {@code FAILED}
 * @param reason the skip reason or the failure's message; {@code null} when it completed
 * @param error what the operation (or its commit) threw when it failed; {@code null} otherwise
 */
public record OperationRun(RunReport.Outcome outcome, String reason, Throwable error) {}
