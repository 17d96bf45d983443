package dev.sequencer.spring;

import static dev.sequencer.spring.MigrationStrategyTests.CHARGE;
import static dev.sequencer.spring.MigrationStrategyTests.GREET;
import static dev.sequencer.spring.MigrationStrategyTests.SEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequencer.OperationFailedException;
import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.Sequencer;
import dev.sequencer.spring.app.Billing;
import dev.sequencer.spring.app.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The command strategy (the default) in a Boot application: Boot's start-up migration applies migrations only, and
 * {@code process()} runs the operations; a failure turns health DOWN and is counted. Run on H2 and PostgreSQL by the
 * subclasses.
 */
@SpringBootTest(classes = TestApplication.class, properties = "sequencer.worker.enabled=false")
@DirtiesContext
abstract class CommandStrategyTests {

    @Autowired
    Sequencer sequencer;

    @Autowired
    DataSource db;

    @Autowired
    Billing billing;

    @Autowired
    SequencerHealthIndicator health;

    @Autowired
    MeterRegistry meters;

    @Test
    void bootMigratesOnlyAndProcessRunsTheOperationsAFailureTurnsHealthDownAndIsCounted() {
        assertThat(Tables.count(db, "select greetings from greeting_snapshot")).isZero(); // migrated, nothing ran
        assertThat(sequencer.status()).allMatch(OperationStatus::pending);
        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

        billing.failing(true);
        assertThatThrownBy(sequencer::process)
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining(CHARGE);

        Health down = health.health(true);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("failed", List.of(CHARGE));
        assertThat(meters.get("sequencer.operation")
                        .tag("name", CHARGE)
                        .tag("outcome", "failed")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("sequencer.operations.failed").gauge().value()).isEqualTo(1);

        billing.failing(false);
        sequencer.process();

        assertThat(state(GREET)).isEqualTo(OperationState.COMPLETED);
        assertThat(state(CHARGE)).isEqualTo(OperationState.COMPLETED);
        assertThat(state(SEND)).isEqualTo(OperationState.DISPATCHED); // no worker in this application
        assertThat(Tables.strings(db, "select text from greetings order by customer_id"))
                .containsExactly("Hello, Ada", "Hello, Grace");
        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
    }

    private OperationState state(String name) {
        return sequencer.status().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .state();
    }
}
