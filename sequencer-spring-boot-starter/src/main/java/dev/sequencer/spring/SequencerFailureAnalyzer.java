package dev.sequencer.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link SequencerConfigurationException} as what is wrong and what to do. */
class SequencerFailureAnalyzer extends AbstractFailureAnalyzer<SequencerConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SequencerConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
