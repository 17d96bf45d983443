package dev.sequencer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A generated registry of operations. Each compilation that uses the annotation processor writes one
 * ({@code GeneratedSequencer}) and lists it in {@code META-INF/services/dev.sequencer.OperationRegistry}, so that the
 * registries of several modules can be combined with {@link Sequencer.Builder#discoverRegistries()}.
 */
public interface OperationRegistry {

    /** The operations of this registry, ordered by timestamp, then name. */
    List<OperationDescriptor> operations();

    /** The {@code @Deferred} handlers of this registry, by alias. */
    default List<DeferredDescriptor> deferredHandlers() {
        return List.of();
    }

    /**
     * Joins the parts of a generated registry into one immutable, ordered list. Used by generated code, which splits
     * large registries into parts to stay within the JVM's limits on method and class size.
     */
    @SafeVarargs
    static List<OperationDescriptor> of(List<OperationDescriptor>... parts) {
        int size = 0;
        for (List<OperationDescriptor> part : parts) {
            size += part.size();
        }
        List<OperationDescriptor> all = new ArrayList<>(size);
        for (List<OperationDescriptor> part : parts) {
            all.addAll(part);
        }
        return Collections.unmodifiableList(all);
    }
}
