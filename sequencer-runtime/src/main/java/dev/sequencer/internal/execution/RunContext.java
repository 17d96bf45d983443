package dev.sequencer.internal.execution;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.ProgressEvent;
import dev.sequencer.SequencerListener;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;

/** The {@link OperationContext} handed to an operation; its progress goes to the listeners. */
public final class RunContext implements OperationContext {

    private final Connection connection;
    private final DataSource dataSource;
    private final OperationDescriptor descriptor;
    private final int attempt;
    private final SequencerListener listeners;
    private final Instant started = Instant.now();

    public RunContext(
            Connection connection,
            DataSource dataSource,
            OperationDescriptor descriptor,
            int attempt,
            SequencerListener listeners) {
        this.connection = connection;
        this.dataSource = dataSource;
        this.descriptor = descriptor;
        this.attempt = attempt;
        this.listeners = listeners;
    }

    /**
     * A context over {@code transaction}, a transaction Sequencer owns (a dispatch), guarded as a transactional
     * operation's connection is: user code may write in it but not end it, so the transaction's rows stay together.
     */
    public static RunContext inTransaction(
            Connection transaction,
            DataSource dataSource,
            OperationDescriptor descriptor,
            int attempt,
            SequencerListener listeners) {
        Connection guarded = OperationConnection.transactional(transaction, descriptor.name(), Set.of())
                .connection();
        return new RunContext(guarded, dataSource, descriptor, attempt, listeners);
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public OperationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public String name() {
        return descriptor.name();
    }

    @Override
    public void progress(long done, long total) {
        listeners.operationProgress(
                new ProgressEvent(descriptor.name(), done, total, Duration.between(started, Instant.now())));
    }
}
