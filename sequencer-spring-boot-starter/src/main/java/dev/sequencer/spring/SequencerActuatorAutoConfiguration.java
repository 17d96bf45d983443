package dev.sequencer.spring;

import dev.sequencer.Sequencer;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With Actuator: endpoint {@code sequencer} and health indicator {@code sequencer}. */
@AutoConfiguration(after = SequencerAutoConfiguration.class)
@ConditionalOnBean(Sequencer.class)
public class SequencerActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        SequencerEndpoint sequencerEndpoint(Sequencer sequencer) {
            return new SequencerEndpoint(sequencer);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "sequencerHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("sequencer")
        SequencerHealthIndicator sequencerHealthIndicator(Sequencer sequencer) {
            return new SequencerHealthIndicator(sequencer);
        }
    }
}
