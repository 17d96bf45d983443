package dev.sequencer.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationPolicy;
import dev.sequencer.PartitionedOperation;
import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The endpoint shows a partitioned operation's progress as completed of all partitions (SPEC 12, issue 18). */
class SequencerEndpointPartitionsTest {

    private static final String NAME = "2024_06_01_000000_fill_totals";

    /** Three partitions that do nothing but exist. */
    public static final class FillTotals implements PartitionedOperation {

        @Override
        public List<String> partitions(OperationContext context) {
            return List.of("1-100", "101-200", "201-300");
        }

        @Override
        public void handlePartition(OperationContext context, String partition) {}
    }

    private static OperationDescriptor fillTotals() {
        OperationDescriptor.Source source = new OperationDescriptor.Source() {
            @Override
            public Class<? extends OperationHandler> type() {
                return FillTotals.class;
            }

            @Override
            public OperationHandler newInstance() {
                return new FillTotals();
            }
        };
        return new OperationDescriptor(
                NAME,
                "20240601000000",
                FillTotals.class.getName(),
                "",
                List.of(),
                List.of(),
                null,
                true,
                true,
                true,
                source,
                new OperationPolicy(1, List.of(), null, false, List.of(), 0));
    }

    @Test
    void aPartitionedOperationShowsItsCompletedPartitionsInTheEndpointsJson() {
        JsonMapper json = JsonMapper.builder().build();
        try (Sequencer sequencer = Sequencer.configure()
                .property("sequencer.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .property("sequencer.flyway.locations", "classpath:db/none")
                .property("sequencer.async.polling-interval", "100ms")
                .registry(List.of(fillTotals()))
                .load()) {
            SequencerEndpoint endpoint = new SequencerEndpoint(sequencer);
            sequencer.process();

            assertThat(detail(json, endpoint)).contains("0/3 partitions completed");
            try (Worker worker = sequencer.worker()) {
                assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
            }
            assertThat(detail(json, endpoint)).contains("3/3 partitions completed");
        }
    }

    private static String detail(JsonMapper json, SequencerEndpoint endpoint) {
        JsonNode body = json.readTree(json.writeValueAsString(endpoint.sequencer()));
        return body.get("entries")
                .valueStream()
                .filter(e -> e.get("name").asString().equals(NAME))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + NAME + " in " + body))
                .get("detail")
                .asString();
    }
}
