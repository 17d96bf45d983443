package dev.sequencer.spring;

import dev.sequencer.OperationFailedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an operation that failed during start-up (Boot's migration, or {@code sequencer.process-on-startup}). */
class OperationFailureAnalyzer extends AbstractFailureAnalyzer<OperationFailedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OperationFailedException cause) {
        return new FailureAnalysis(
                "A Sequencer operation failed during start-up: " + cause.getMessage(),
                "Fix the cause (the stack trace below, or sequencer.history(name)); the operation is recorded failed"
                        + " and runs again when the application next starts.",
                cause);
    }
}
