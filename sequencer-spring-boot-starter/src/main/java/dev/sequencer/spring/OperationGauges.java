package dev.sequencer.spring;

import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.Sequencer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Gauges {@code sequencer.operations.pending} (operations the next run would execute) and
 * {@code sequencer.operations.failed} (operations whose newest attempt failed), read from the history when sampled.
 */
public class OperationGauges implements MeterBinder {

    private final ObjectProvider<Sequencer> sequencer;

    /**
     * Gauges over the Sequencer the context provides.
     *
     * @param sequencer the Sequencer, looked up when a gauge is read
     */
    public OperationGauges(ObjectProvider<Sequencer> sequencer) {
        this.sequencer = sequencer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(
                registry,
                "sequencer.operations.pending",
                "Operations the next run would execute",
                OperationStatus::pending);
        gauge(
                registry,
                "sequencer.operations.failed",
                "Operations whose newest attempt failed",
                s -> s.state() == OperationState.FAILED);
    }

    private void gauge(MeterRegistry registry, String name, String description, Predicate<OperationStatus> counted) {
        Gauge.builder(
                        name,
                        sequencer,
                        s -> s.getObject().status().stream().filter(counted).count())
                .description(description)
                .register(registry);
    }
}
