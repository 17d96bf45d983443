package dev.sequencer.spring;

import dev.sequencer.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports the library's {@link ConfigurationException} (a bad value: an unknown strategy, a malformed duration, a
 * table prefix that is no identifier) with the key to correct.
 */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        String action = cause.key() == null || !cause.key().startsWith("sequencer.")
                ? "Correct Sequencer's configuration as the description says."
                : "Correct '" + cause.key() + "' in your application properties or YAML (or the environment variable "
                        + cause.key()
                                .toUpperCase(java.util.Locale.ROOT)
                                .replace('.', '_')
                                .replace('-', '_') + ").";
        return new FailureAnalysis("Sequencer's configuration is invalid: " + cause.getMessage(), action, cause);
    }
}
