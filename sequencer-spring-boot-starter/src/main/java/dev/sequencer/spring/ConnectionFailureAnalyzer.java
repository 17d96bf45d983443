package dev.sequencer.spring;

import dev.sequencer.ConnectionFailedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports the library's {@link ConnectionFailedException} (with {@code sequencer.url}: a wrong password, an unknown
 * database, nothing listening) with the database's reason and the key to check first.
 */
class ConnectionFailureAnalyzer extends AbstractFailureAnalyzer<ConnectionFailedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConnectionFailedException cause) {
        return new FailureAnalysis(
                "Sequencer cannot reach its database: " + cause.getMessage(),
                ConfigurationFailureAnalyzer.correct(cause.key()),
                cause);
    }
}
