package dev.sequencer.spring;

import dev.sequencer.OperationEvent;
import dev.sequencer.SequencerListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer timer {@code sequencer.operation}, tagged {@code name} (the operation) and {@code outcome}
 * ({@code completed}, {@code skipped} or {@code failed}): one sample per attempt that ended, on this node, including
 * attempts run by its worker.
 */
public class OperationTimer implements SequencerListener {

    /** The timer's name. */
    public static final String NAME = "sequencer.operation";

    private final MeterRegistry registry;

    /**
     * A timer listener recording into {@code registry}.
     *
     * @param registry where the {@code sequencer.operation} timer is registered
     */
    public OperationTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void operationCompleted(OperationEvent event) {
        record(event, "completed");
    }

    @Override
    public void operationSkipped(OperationEvent event) {
        record(event, "skipped");
    }

    @Override
    public void operationFailed(OperationEvent event) {
        record(event, "failed");
    }

    private void record(OperationEvent event, String outcome) {
        Timer.builder(NAME)
                .description("Sequencer operation attempts, by operation and outcome")
                .tag("name", event.name())
                .tag("outcome", outcome)
                .register(registry)
                .record(event.elapsed());
    }
}
