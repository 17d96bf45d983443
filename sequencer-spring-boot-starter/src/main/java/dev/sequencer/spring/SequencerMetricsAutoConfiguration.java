package dev.sequencer.spring;

import dev.sequencer.Sequencer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** With Micrometer and a {@link MeterRegistry}: timer {@code sequencer.operation} and the operation gauges. */
@AutoConfiguration(
        after = SequencerAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({Sequencer.class, MeterRegistry.class})
public class SequencerMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OperationTimer sequencerOperationTimer(MeterRegistry registry) {
        return new OperationTimer(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    OperationGauges sequencerOperationGauges(ObjectProvider<Sequencer> sequencer) {
        return new OperationGauges(sequencer);
    }
}
