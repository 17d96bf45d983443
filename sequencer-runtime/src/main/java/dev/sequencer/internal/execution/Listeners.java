package dev.sequencer.internal.execution;

import dev.sequencer.OperationEvent;
import dev.sequencer.ProgressEvent;
import dev.sequencer.RunEvent;
import dev.sequencer.SequencerListener;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to every listener; a failing listener is logged and never stops a run. */
public final class Listeners implements SequencerListener {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<SequencerListener> listeners;

    /** Listeners that hear nothing. */
    public static final Listeners NONE = new Listeners(List.of());

    public Listeners(List<SequencerListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private <E> void each(E event, BiConsumer<SequencerListener, E> call) {
        for (SequencerListener l : listeners) {
            try {
                call.accept(l, event);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} failed on {}", l.getClass().getName(), event, e);
            }
        }
    }

    @Override
    public void operationsStarted(RunEvent e) {
        each(e, SequencerListener::operationsStarted);
    }

    @Override
    public void operationsEnded(RunEvent e) {
        each(e, SequencerListener::operationsEnded);
    }

    @Override
    public void runBlocked(String guard, String reason) {
        each(guard, (l, g) -> l.runBlocked(g, reason));
    }

    @Override
    public void noPendingOperations(RunEvent e) {
        each(e, SequencerListener::noPendingOperations);
    }

    @Override
    public void operationStarted(OperationEvent e) {
        each(e, SequencerListener::operationStarted);
    }

    @Override
    public void operationCompleted(OperationEvent e) {
        each(e, SequencerListener::operationCompleted);
    }

    @Override
    public void operationProgress(ProgressEvent e) {
        each(e, SequencerListener::operationProgress);
    }

    @Override
    public void operationSkipped(OperationEvent e) {
        each(e, SequencerListener::operationSkipped);
    }

    @Override
    public void operationFailed(OperationEvent e) {
        each(e, SequencerListener::operationFailed);
    }

    @Override
    public void operationDispatched(OperationEvent e) {
        each(e, SequencerListener::operationDispatched);
    }

    @Override
    public void operationRolledBack(OperationEvent e) {
        each(e, SequencerListener::operationRolledBack);
    }
}
