package dev.sequencer.spring;

import dev.sequencer.InfoEntry;
import dev.sequencer.Sequencer;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Actuator endpoint {@code sequencer}: migrations and operations together, the {@code info()} table, as
 * {@code /actuator/flyway} shows migrations.
 */
@Endpoint(id = "sequencer")
public class SequencerEndpoint {

    private final Sequencer sequencer;

    /**
     * The endpoint over {@code sequencer}.
     *
     * @param sequencer the application's Sequencer
     */
    public SequencerEndpoint(Sequencer sequencer) {
        this.sequencer = sequencer;
    }

    /**
     * The strategy and the {@code info()} table.
     *
     * @return what {@code GET /actuator/sequencer} returns
     */
    @ReadOperation
    public SequencerDescriptor sequencer() {
        return new SequencerDescriptor(sequencer.strategy().name(), sequencer.info());
    }

    /**
     * What the endpoint returns.
     *
     * @param strategy {@code command} or {@code migration}
     * @param entries migrations and operations, in the order they ran or would run
     */
    public record SequencerDescriptor(String strategy, List<InfoEntry> entries) {}
}
