package dev.sequencer.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sequencer.OperationFactory;
import dev.sequencer.Sequencer;
import dev.sequencer.spring.app.TestApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Start-up and shutdown of a Boot application with the starter, as {@code SpringApplication.run} does them, on H2. */
class StartupTest {

    private final List<String> properties = new ArrayList<>(List.of(
            "spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "spring.main.banner-mode=off"));

    @Test
    void processOnStartupRunsTheOperationsOnceTheContextHasStarted() {
        try (ConfigurableApplicationContext context = start("sequencer.process-on-startup=true")) {
            DataSource db = context.getBean(DataSource.class);

            assertThat(Tables.strings(db, "select text from greetings order by customer_id"))
                    .containsExactly("Hello, Ada", "Hello, Grace");
            assertThat(Tables.count(db, "select greetings from greeting_snapshot"))
                    .isZero(); // after Boot migrated
        }
    }

    @Test
    void withSequencerUrlOperationsRunOnThatDatabaseAndBootsStaysTheApplicationsOwn() {
        String own = "jdbc:h2:mem:own-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext context =
                start("sequencer.url=" + own, "sequencer.user=sa", "sequencer.process-on-startup=true")) {
            DataSource application = context.getBean(DataSource.class);
            DataSource sequencers = context.getBean(Sequencer.class).dataSource();

            assertThat(sequencers).isNotSameAs(application);
            assertThat(Tables.count(sequencers, "select count(*) from greetings"))
                    .isEqualTo(2);
            assertThat(Tables.count(application, "select count(*) from greetings"))
                    .isZero(); // Boot migrated it only
        }
    }

    @Test
    void processOnStartupWithAFailingOperationFailsTheStartUpNamingIt() {
        Throwable failure = catchThrowable(() -> start("sequencer.process-on-startup=true", "test.billing.fail=true"));

        assertThat(failure).hasRootCauseInstanceOf(IllegalStateException.class);
        FailureAnalysis analysis = analyse(new OperationFailureAnalyzer(), failure);
        assertThat(analysis.getDescription())
                .contains("2024_01_04_000000_charge_customers")
                .contains("the payment provider refused Ada");
        assertThat(analysis.getAction()).contains("runs again when the application next starts");
    }

    @Test
    void underTheMigrationStrategyAFailingOperationFailsBootsStartUpMigration() {
        Throwable failure = catchThrowable(() -> start("sequencer.strategy=migration", "test.billing.fail=true"));

        FailureAnalysis analysis = analyse(new OperationFailureAnalyzer(), failure);
        assertThat(analysis.getDescription()).contains("2024_01_04_000000_charge_customers");
    }

    @Test
    void aMistypedKeyFailsTheStartUpNamingTheClosestKey() {
        Throwable failure = catchThrowable(() -> start("sequencer.stratgy=migration"));

        FailureAnalysis analysis = analyse(new SequencerFailureAnalyzer(), failure);
        assertThat(analysis.getDescription()).contains("'sequencer.stratgy'");
        assertThat(analysis.getAction()).contains("Did you mean 'sequencer.strategy'?");
    }

    @Test
    void anUnknownStrategyFailsTheStartUpNamingTheAllowedValues() {
        Throwable failure = catchThrowable(() -> start("sequencer.strategy=automatic"));

        FailureAnalysis analysis = analyse(new ConfigurationFailureAnalyzer(), failure);
        assertThat(analysis.getDescription())
                .contains("automatic")
                .contains("command")
                .contains("migration");
        assertThat(analysis.getAction()).contains("'sequencer.strategy'");
    }

    @Test
    void aSequencerUrlWhereNothingListensFailsTheStartUpNamingTheKeyToCheck() {
        Throwable failure =
                catchThrowable(() -> start("sequencer.url=jdbc:postgresql://127.0.0.1:1/nothing?user=postgres"));

        FailureAnalysis analysis = analyse(new ConnectionFailureAnalyzer(), failure);
        assertThat(analysis.getDescription())
                .contains("cannot reach its database")
                .contains("127.0.0.1:1");
        assertThat(analysis.getAction()).contains("'sequencer.url'").contains("SEQUENCER_URL");
    }

    @Test
    void noDataSourceAndNoUrlFailsTheStartUpSayingWhatToConfigure() {
        Throwable failure = catchThrowable(() -> start("spring.autoconfigure.exclude="
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"));

        FailureAnalysis analysis = analyse(new SequencerFailureAnalyzer(), failure);
        assertThat(analysis.getDescription()).contains("no DataSource").contains("sequencer.url");
        assertThat(analysis.getAction()).contains("spring.datasource.url").contains("sequencer.url");
    }

    @Test
    void theStarterBacksOffWhenTheApplicationDefinesItsOwnSequencer() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        TestApplication.class, OwnSequencer.class)
                .web(WebApplicationType.NONE)
                .properties(properties.toArray(new String[0]))
                .run()) {
            assertThat(context.getBeansOfType(Sequencer.class)).containsOnlyKeys("ownSequencer");
            Sequencer own = context.getBean(Sequencer.class);
            assertThat(context.getBean(SequencerWorker.class).enabled()).isTrue();

            own.process(); // the application's Sequencer, with the starter's factory: injected operations run

            assertThat(Tables.strings(context.getBean(DataSource.class), "select text from greetings"))
                    .hasSize(2);
        }
    }

    @Test
    void theWorkerStopsWhenTheContextCloses() {
        SequencerWorker worker;
        try (ConfigurableApplicationContext context = start("sequencer.strategy=migration")) {
            worker = context.getBean(SequencerWorker.class);
            assertThat(worker.isRunning()).isTrue();
        }
        assertThat(worker.isRunning()).isFalse();
    }

    private ConfigurableApplicationContext start(String... more) {
        properties.addAll(List.of(more));
        return new SpringApplicationBuilder(TestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties.toArray(new String[0]))
                .run();
    }

    private static FailureAnalysis analyse(FailureAnalyzer analyzer, Throwable failure) {
        assertThat(failure).as("the start-up must fail").isNotNull();
        FailureAnalysis analysis = analyzer.analyze(failure);
        assertThat(analysis).as("analysis of " + failure).isNotNull();
        return analysis;
    }

    /** An application that builds its own Sequencer. */
    @Configuration(proxyBeanMethods = false)
    static class OwnSequencer {

        @Bean
        Sequencer ownSequencer(DataSource dataSource, OperationFactory operations) {
            return Sequencer.configure()
                    .dataSource(dataSource)
                    .discoverRegistries()
                    .operationFactory(operations)
                    .load();
        }
    }
}
