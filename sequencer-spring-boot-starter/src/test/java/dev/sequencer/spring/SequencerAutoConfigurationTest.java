package dev.sequencer.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sequencer.ExecutionGuard;
import dev.sequencer.GuardBlockedException;
import dev.sequencer.Sequencer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which beans the auto-configurations contribute, with and without the optional parts of Boot. */
class SequencerAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    FlywayAutoConfiguration.class,
                    SequencerAutoConfiguration.class,
                    SequencerActuatorAutoConfiguration.class,
                    SequencerMetricsAutoConfiguration.class))
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:auto-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "management.endpoints.jmx.exposure.include=sequencer",
                    "spring.jmx.enabled=true")
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void contributesTheSequencerTheWorkerTheIndicatorTheEndpointAndTheMetrics() {
        runner.run(context -> assertThat(context)
                .hasSingleBean(Sequencer.class)
                .hasSingleBean(SequencerWorker.class)
                .hasSingleBean(ApplicationContextOperationFactory.class)
                .hasSingleBean(SequencerHealthIndicator.class)
                .hasSingleBean(SequencerEndpoint.class)
                .hasSingleBean(OperationTimer.class)
                .hasSingleBean(OperationGauges.class)
                .doesNotHaveBean(ProcessOnStartup.class));
    }

    @Test
    void registersGuardBeansSoThatABlockingGuardStopsARun() {
        runner.withBean(ExecutionGuard.class, () -> new ExecutionGuard() {
                    @Override
                    public boolean allows() {
                        return false;
                    }

                    @Override
                    public String reason() {
                        return "maintenance window";
                    }

                    @Override
                    public String name() {
                        return "test";
                    }
                })
                .run(context -> assertThat(catchThrowable(
                                () -> context.getBean(Sequencer.class).process()))
                        .isInstanceOf(GuardBlockedException.class)
                        .hasMessageContaining("maintenance window"));
    }

    @Test
    void worksWithoutActuatorAndWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class, HealthIndicator.class, MeterRegistry.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(Sequencer.class)
                        .doesNotHaveBean(SequencerEndpoint.class)
                        .doesNotHaveBean(SequencerHealthIndicator.class)
                        .doesNotHaveBean(OperationTimer.class));
    }

    @Test
    void theWorkerCanBeSwitchedOff() {
        runner.withPropertyValues("sequencer.worker.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SequencerWorker.class));
    }
}
