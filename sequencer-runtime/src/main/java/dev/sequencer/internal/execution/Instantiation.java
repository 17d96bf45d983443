package dev.sequencer.internal.execution;

import dev.sequencer.DeferredDescriptor;
import dev.sequencer.DeferredHandler;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationFactory;
import dev.sequencer.OperationHandler;
import dev.sequencer.SequencerException;

/**
 * Builds operations and deferred handlers: through the configured {@link OperationFactory} when it claims the class
 * ({@link OperationFactory#builds}), else through the registry's no-argument constructor when there is one, else
 * through the factory (dependency injection).
 */
public final class Instantiation {

    private final OperationFactory factory;

    public Instantiation(OperationFactory factory) {
        this.factory = factory;
    }

    /** Whether an {@link OperationFactory} is configured. */
    public boolean hasFactory() {
        return factory != null;
    }

    /** A new instance of {@code op}'s class. */
    public OperationHandler operation(OperationDescriptor op) throws Exception {
        if (op.constructible() && !claimed(op.source())) {
            return op.source().newInstance();
        }
        return viaFactory(op.source().type(), "Operation " + op.name());
    }

    /** A new instance of a deferred handler. */
    public DeferredHandler deferred(DeferredDescriptor d) throws Exception {
        DeferredHandler handler =
                d.constructible() && !claimed(d.source()) ? d.source().newInstance() : null;
        return handler != null ? handler : viaFactory(d.source().type(), "@Deferred handler " + d.className());
    }

    private boolean claimed(OperationDescriptor.Source source) {
        return factory != null && factory.builds(source.type());
    }

    private boolean claimed(DeferredDescriptor.Source source) {
        return factory != null && factory.builds(source.type());
    }

    private <T> T viaFactory(Class<T> type, String what) throws Exception {
        if (factory == null) {
            throw new SequencerException(what + " has no accessible no-argument constructor and no OperationFactory is"
                    + " configured; configure one with Sequencer.configure().operationFactory(...)");
        }
        return factory.create(type);
    }
}
