package dev.sequencer.spring;

import dev.sequencer.ExecutionGuard;
import dev.sequencer.ExecutionStrategy;
import dev.sequencer.OperationFactory;
import dev.sequencer.Sequencer;
import dev.sequencer.SequencerListener;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sequencer in a Spring Boot application (README, "Spring Boot"): a {@link Sequencer} over every registry on the class
 * path, on the application's DataSource unless {@code sequencer.url} is set, with operations built by the context and
 * the {@link SequencerListener} and {@link ExecutionGuard} beans registered; Boot's Flyway interleaving operations under
 * the migration strategy; {@code process()} at start-up on request; a worker. Backs off when the application defines
 * its own {@code Sequencer}, and then serves that one.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
@ConditionalOnClass(Sequencer.class)
@EnableConfigurationProperties(SequencerProperties.class)
public class SequencerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OperationFactory sequencerOperationFactory(ConfigurableApplicationContext context) {
        return new ApplicationContextOperationFactory(context);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Sequencer sequencer(
            SequencerProperties properties,
            Environment environment,
            ObjectProvider<DataSource> dataSource,
            OperationFactory operationFactory,
            ObjectProvider<SequencerListener> listeners,
            ObjectProvider<ExecutionGuard> guards,
            ObjectProvider<Flyway> bootFlyway,
            ConfigurableApplicationContext context) {
        UnknownKeys.check(environment);
        ExecutionStrategy.named(properties.getStrategy()); // an unknown strategy fails here, naming the allowed ones
        DataSource ds = properties.getUrl() == null ? dataSource.getIfUnique() : null;
        if (ds == null && properties.getUrl() == null) {
            throw new SequencerConfigurationException(
                    "Sequencer has no database: the application defines no DataSource and sequencer.url is not set.",
                    "Configure the application's DataSource (spring.datasource.url, and the JDBC driver on the class"
                            + " path), or give Sequencer a database of its own with sequencer.url (and sequencer.user,"
                            + " sequencer.password).");
        }
        Sequencer.Builder builder = Sequencer.configure()
                .classLoader(context.getClassLoader())
                .properties(RuntimeProperties.of(properties, Binder.get(environment)))
                .discoverRegistries()
                .operationFactory(operationFactory);
        if (ds != null) {
            // On the application's database, Sequencer's Flyway runs are Boot's Flyway (spring.flyway.*).
            builder.dataSource(ds).flyway(configuration -> BootFlyway.follow(configuration, bootFlyway));
        }
        listeners.orderedStream().forEach(builder::listener);
        guards.orderedStream().forEach(builder::guard);
        return builder.load();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "sequencer.worker.enabled", havingValue = "true", matchIfMissing = true)
    SequencerWorker sequencerWorker(
            Sequencer sequencer, SequencerProperties properties, ConfigurableApplicationContext context) {
        return new SequencerWorker(sequencer, properties, context.getClassLoader());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "sequencer.process-on-startup", havingValue = "true")
    ProcessOnStartup sequencerProcessOnStartup(Sequencer sequencer) {
        return new ProcessOnStartup(sequencer);
    }

    /**
     * The migration strategy: the Sequencer callback on Boot's own Flyway, so that its start-up migrate interleaves
     * operations. Under the command strategy Boot's Flyway is left as it is.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayConfigurationCustomizer.class)
    static class BootFlywayConfiguration {

        @Bean
        FlywayConfigurationCustomizer sequencerFlywayCustomizer(ObjectProvider<Sequencer> sequencer) {
            return configuration -> {
                Sequencer s = sequencer.getObject();
                if (s.strategy().isAutomatic()) {
                    BootFlyway.addCallback(configuration, s.callback());
                }
            };
        }
    }
}
