package dev.sequencer;

import java.util.Objects;

/**
 * What the generated registry knows about one {@code @Deferred} handler.
 *
 * @param alias the stable alias stored with deferred tasks (never the class name)
 * @param className the binary name of the handler class, for messages
 * @param constructible whether the registry can build the class itself
 * @param source loads and builds the handler class when a task is due
 */
public record DeferredDescriptor(String alias, String className, boolean constructible, Source source) {

    /**
     * Checks that alias, class name and source are given.
     *
     * @param alias the stable alias stored with deferred tasks
     * @param className the binary name of the handler class
     * @param constructible whether the registry can build the class itself
     * @param source loads and builds the handler class
     */
    public DeferredDescriptor {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(source, "source");
    }

    /** Loads and builds a handler class; generated code implements it without reflection. */
    public interface Source {

        /** {@return the handler class, loaded} */
        Class<? extends DeferredHandler> type();

        /** {@return a new instance, or {@code null} when there is no accessible no-argument constructor} */
        DeferredHandler newInstance();
    }
}
