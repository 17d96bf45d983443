package dev.sequencer;

import dev.sequencer.internal.registry.DescriptorCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A generated registry of operations. Each compilation that uses the annotation processor writes one
 * ({@code GeneratedSequencer}) and lists it in {@code META-INF/services/dev.sequencer.OperationRegistry}, so that the
 * registries of several modules can be combined with {@link Sequencer.Builder#discoverRegistries()}.
 */
public interface OperationRegistry {

    /** {@return the operations of this registry, ordered by timestamp, then name} */
    List<OperationDescriptor> operations();

    /** {@return the {@code @Deferred} handlers of this registry, by alias} */
    default List<DeferredDescriptor> deferredHandlers() {
        return List.of();
    }

    /**
     * Joins the parts of a generated registry into one immutable, ordered list. Used by generated code, which splits
     * large registries into parts to stay within the JVM's limits on method and class size.
     *
     * @param parts the parts, in order
     * @return the operations of all parts, in order
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

    /**
     * Decodes one part of a generated registry: {@code data} holds one compact entry per operation (in the internal
     * format of {@code dev.sequencer.internal.registry.DescriptorCodec}, which may change with any version), and
     * descriptor {@code i} gets {@code sources.apply(i)}. Used by generated code.
     *
     * @param data one encoded entry per operation
     * @param sources the source of descriptor {@code i}
     * @return an unmodifiable list, in the order of {@code data}
     * @throws IllegalStateException when an entry was written by another version of the processor
     */
    static List<OperationDescriptor> decode(String[] data, IntFunction<OperationDescriptor.Source> sources) {
        return DescriptorCodec.decode(data, sources);
    }
}
