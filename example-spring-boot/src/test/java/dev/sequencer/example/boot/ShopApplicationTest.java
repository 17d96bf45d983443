package dev.sequencer.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.OperationState;
import dev.sequencer.OperationStatus;
import dev.sequencer.Sequencer;
import dev.sequencer.spring.SequencerWorker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The shop starts on a fresh in-memory database: operations ran during Boot's migration, the worker sent letters. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:shop-${random.uuid};DB_CLOSE_DELAY=-1")
class ShopApplicationTest {

    @Autowired
    Sequencer sequencer;

    @Autowired
    SequencerWorker worker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startUpNormalizesTheEmailsBeforeTheUniqueIndexAndTheWorkerQueuesTheLetters() {
        assertThat(jdbc.queryForList("select email from customers order by id", String.class))
                .containsExactly("ada@example.com", "grace@example.com", "linus@example.com");

        assertThat(worker.awaitIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(sequencer.status()).extracting(OperationStatus::state).containsOnly(OperationState.COMPLETED);
        assertThat(jdbc.queryForList("select message from outbox order by customer_id", String.class))
                .containsExactly(
                        "Welcome to the shop, Ada!", "Welcome to the shop, Grace!", "Welcome to the shop, Linus!");
    }
}
