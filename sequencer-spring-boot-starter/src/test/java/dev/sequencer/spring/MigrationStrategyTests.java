package dev.sequencer.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.Sequencer;
import dev.sequencer.spring.app.CountedByBean;
import dev.sequencer.spring.app.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sequencer.strategy=migration} in a Boot application: Boot's own start-up migration runs the operations between
 * the migrations they fall between, built by the context; the worker, the endpoint, health and metrics. Run on H2 and
 * PostgreSQL by the subclasses.
 */
@SpringBootTest(
        classes = TestApplication.class,
        properties = {
            "sequencer.strategy=migration",
            "spring.jmx.enabled=true",
            "management.endpoints.jmx.exposure.include=health,sequencer"
        })
@DirtiesContext
abstract class MigrationStrategyTests {

    static final String GREET = "2024_01_02_000000_greet_customers";
    static final String COUNTED = "2024_01_02_000001_counted_by_bean";
    static final String CHARGE = "2024_01_04_000000_charge_customers";
    static final String SEND = "2024_01_05_000000_send_greetings";

    @Autowired
    Sequencer sequencer;

    @Autowired
    DataSource db;

    @Autowired
    SequencerWorker worker;

    @Test
    void bootsStartUpMigrationRunsEachOperationBetweenTheMigrationsItFallsBetween() {
        // V20240103000000 counted the greetings that the 2024_01_02 operation wrote after V20240101000000 made the
        // table.
        assertThat(Tables.count(db, "select greetings from greeting_snapshot")).isEqualTo(2);
        assertThat(Tables.strings(db, "select text from greetings order by customer_id"))
                .containsExactly("Hello, Ada", "Hello, Grace"); // written through the injected Greeter
        assertThat(states())
                .containsEntry(GREET, OperationState.COMPLETED)
                .containsEntry(CHARGE, OperationState.COMPLETED);
    }

    @Test
    void anOperationThatIsABeanIsTheContextsInstance(@Autowired CountedByBean bean) {
        assertThat(states()).containsEntry(COUNTED, OperationState.COMPLETED);
        assertThat(bean.runs()).isEqualTo(1);
    }

    @Test
    void theWorkerRunsTheAsynchronousOperation() {
        assertThat(worker.enabled()).isTrue();
        assertThat(worker.isRunning()).isTrue();

        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();

        assertThat(states()).containsEntry(SEND, OperationState.COMPLETED);
        assertThat(Tables.strings(db, "select message from outbox order by customer_id"))
                .containsExactly("Hello, Ada", "Hello, Grace");
    }

    @Test
    void theEndpointReturnsTheInfoTableAsJson(@Autowired SequencerEndpoint endpoint, @Autowired JsonMapper json) {
        JsonNode body = json.readTree(json.writeValueAsString(endpoint.sequencer()));

        assertThat(body.get("strategy").asString()).isEqualTo("migration");
        JsonNode entries = body.get("entries");
        assertThat(entries.get(0).get("kind").asString()).isEqualTo("MIGRATION");
        assertThat(entries.get(0).get("state").asString()).isEqualTo("success");
        JsonNode greet = entries.valueStream()
                .filter(e -> e.get("name").asString().equals(GREET))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + GREET + " in " + body));
        assertThat(greet.get("kind").asString()).isEqualTo("OPERATION");
        assertThat(greet.get("state").asString()).isEqualTo("completed");
        assertThat(greet.get("attempts").asInt()).isEqualTo(1);
        assertThat(greet.get("time").isNull()).isFalse();
    }

    @Test
    void healthIsUpAndTheTimerCountedEachOperation(
            @Autowired SequencerHealthIndicator health, @Autowired MeterRegistry meters) {
        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();

        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("sequencer.operation")
                        .tag("name", GREET)
                        .tag("outcome", "completed")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("sequencer.operations.pending").gauge().value()).isZero();
        assertThat(meters.get("sequencer.operations.failed").gauge().value()).isZero();
    }

    private Map<String, OperationState> states() {
        return sequencer.status().stream()
                .filter(s -> s.state() != null)
                .collect(Collectors.toMap(OperationStatus::name, OperationStatus::state));
    }
}
