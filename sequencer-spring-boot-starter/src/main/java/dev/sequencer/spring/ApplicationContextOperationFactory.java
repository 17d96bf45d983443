package dev.sequencer.spring;

import dev.sequencer.OperationFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Builds operations and deferred handlers through the application context: a class that is a bean is used as the
 * context made it (singletons stay singletons); any other class is created with constructor injection of beans and
 * the usual post-processing, a new instance per run, like a prototype.
 */
public class ApplicationContextOperationFactory implements OperationFactory {

    private final ConfigurableApplicationContext context;

    /**
     * A factory over {@code context}.
     *
     * @param context the application context that builds operations and holds their beans
     */
    public ApplicationContextOperationFactory(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public <T> T create(Class<T> type) {
        if (builds(type)) {
            return context.getBean(type);
        }
        AutowireCapableBeanFactory beans = context.getAutowireCapableBeanFactory();
        return beans.createBean(type);
    }

    /** Claims the classes that are beans, so that the registry never builds a second, uninjected instance. */
    @Override
    public boolean builds(Class<?> type) {
        return context.getBeanFactory().getBeanNamesForType(type, true, false).length > 0;
    }
}
