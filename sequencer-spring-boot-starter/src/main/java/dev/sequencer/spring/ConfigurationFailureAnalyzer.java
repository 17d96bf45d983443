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
        return new FailureAnalysis(
                "Sequencer's configuration is invalid: " + cause.getMessage(), correct(cause.key()), cause);
    }

    /** What to do about a bad {@code key}: correct it where Boot reads it. */
    static String correct(String key) {
        if (key == null || !key.startsWith("sequencer.")) {
            return "Correct Sequencer's configuration as the description says.";
        }
        return "Correct '" + key + "' in your application properties or YAML (or the environment variable "
                + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_') + ").";
    }
}
