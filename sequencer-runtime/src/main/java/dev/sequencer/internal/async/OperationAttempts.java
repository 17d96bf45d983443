package dev.sequencer.internal.async;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationEvent;
import dev.sequencer.OperationHandler;
import dev.sequencer.ScheduledOperation;
import dev.sequencer.SequencerException;
import dev.sequencer.SequencerListener;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.execution.DeferredAttempt;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.execution.OperationExecutor;
import dev.sequencer.internal.execution.PartitionAttempt;
import dev.sequencer.internal.execution.RunContext;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the asynchronous backend ({@code dev.sequencer.internal.async}) needs of the engine: a worker executes an
 * operation exactly as a synchronous run does ({@link OperationExecutor}, same listener events), and a dispatch asks a
 * {@link ScheduledOperation} when it is due.
 */
public final class OperationAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(OperationAttempts.class);

    private final Engine engine;
    private final OperationExecutor executor;
    private final String owner;

    /** @param owner who writes {@code running} rows of non-transactional operations; never starts with {@code run:} */
    public OperationAttempts(Engine engine, String owner) {
        this.engine = engine;
        this.executor = engine.executor(owner);
        this.owner = owner;
    }

    /**
     * Executes attempt {@code attempt} of {@code op}, records it and sends the listener events. The attempt first
     * claims the operation against {@code newestRowId}, the history row the worker saw as newest; when another worker
     * wrote after it, nothing runs and the outcome's state is {@code null}.
     */
    public Execution execute(OperationDescriptor op, int attempt, long newestRowId) {
        LOG.info("Worker running operation {} (attempt {})", op.name(), attempt);
        SequencerListener listeners = engine.listeners();
        listeners.operationStarted(new OperationEvent(op.name(), op, Duration.ZERO, null, null));
        Execution e = executor.execute(op, attempt, newestRowId);
        if (e.isSuperseded()) {
            LOG.info("Operation {}: another worker recorded it first; this attempt did nothing", op.name());
            return e;
        }
        OperationEvent event = e.event(op);
        switch (e.outcome()) {
            case COMPLETED -> listeners.operationCompleted(event);
            case SKIPPED -> listeners.operationSkipped(event);
            default -> {
                LOG.warn("Operation {} failed on attempt {}: {}", op.name(), attempt, e.reason());
                listeners.operationFailed(event);
            }
        }
        return e;
    }

    /**
     * When {@code op} is due: {@link ScheduledOperation#executeAt} over the dispatch connection, or {@code now} for
     * other operations. Loads the operation's class. A failure names the operation.
     */
    public Instant executeAt(OperationDescriptor op, Connection connection, int attempt, Instant now) {
        if (!isScheduled(op)) {
            return now;
        }
        try {
            OperationHandler handler = engine.instantiation().operation(op);
            Instant at = ((ScheduledOperation) handler).executeAt(context(connection, op, attempt));
            return at == null ? now : at;
        } catch (Exception e) {
            throw new SequencerException(
                    "Operation " + op.name() + ": executeAt failed: " + Execution.message(e)
                            + " (nothing was dispatched; it stays pending)",
                    e);
        }
    }

    /**
     * A context over the dispatch transaction, for user code that runs at dispatch ({@code executeAt},
     * {@code partitions}): it may read and write in the transaction but not end it.
     */
    public OperationContext context(Connection transaction, OperationDescriptor op, int attempt) {
        return RunContext.inTransaction(transaction, engine.dataSource(), op, attempt, engine.listeners());
    }

    /** Whether {@code op} says when it is due ({@link ScheduledOperation}); loads its class. */
    public static boolean isScheduled(OperationDescriptor op) {
        return ScheduledOperation.class.isAssignableFrom(op.source().type());
    }

    /** The protocol of one partition attempt, for this worker. */
    public PartitionAttempt partitionAttempt() {
        return new PartitionAttempt(
                engine.dataSource(),
                engine.store(),
                engine.partitions(),
                engine.instantiation(),
                engine.listeners(),
                owner);
    }

    /** The protocol of one deferred handler attempt, over this engine's database and listeners. */
    public DeferredAttempt deferredAttempt() {
        return new DeferredAttempt(engine.dataSource(), engine.instantiation(), engine.listeners());
    }
}
