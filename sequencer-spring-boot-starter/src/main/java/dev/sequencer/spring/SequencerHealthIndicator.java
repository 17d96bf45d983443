package dev.sequencer.spring;

import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.Sequencer;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health indicator {@code sequencer}: DOWN when an operation is {@code failed} or a dispatched one is lost (no worker
 * will ever run it), naming them; UP otherwise, with the number of pending operations.
 */
public class SequencerHealthIndicator extends AbstractHealthIndicator {

    private final Sequencer sequencer;

    /**
     * Health of {@code sequencer}'s operations.
     *
     * @param sequencer the application's Sequencer
     */
    public SequencerHealthIndicator(Sequencer sequencer) {
        super("Sequencer health check failed");
        this.sequencer = sequencer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<OperationStatus> status = sequencer.status();
        List<String> failed = status.stream()
                .filter(s -> s.state() == OperationState.FAILED)
                .map(OperationStatus::name)
                .toList();
        List<String> lost = status.stream()
                .filter(OperationStatus::lost)
                .map(OperationStatus::name)
                .toList();
        long pending = status.stream().filter(OperationStatus::pending).count();
        if (failed.isEmpty() && lost.isEmpty()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("pending", pending);
        if (!failed.isEmpty()) {
            builder.withDetail("failed", failed);
        }
        if (!lost.isEmpty()) {
            builder.withDetail("lost", lost);
        }
    }
}
