package dev.sequencer;

import dev.sequencer.internal.registry.DescriptorCodec;
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
     * Decodes compact entries, one per operation (in the internal format of
     * {@code dev.sequencer.internal.registry.DescriptorCodec}, which may change with any version); descriptor
     * {@code i} gets {@code sources.apply(i)}. Generated code uses {@link #decode(String, IntFunction)}.
     *
     * @param data one encoded entry per operation
     * @param sources the source of descriptor {@code i}
     * @return an unmodifiable list, in the order of {@code data}
     * @throws IllegalStateException when an entry was written by another version of the processor
     */
    static List<OperationDescriptor> decode(String[] data, IntFunction<OperationDescriptor.Source> sources) {
        return DescriptorCodec.decode(data, sources);
    }

    /**
     * Decodes a whole generated registry: {@code data} holds its compact entries one after the other, each ended by
     * U+001D (in the internal format of {@code dev.sequencer.internal.registry.DescriptorCodec}, which may change
     * with any version), and descriptor {@code i} gets {@code sources.apply(i)}. Used by generated code.
     *
     * @param data the encoded entries, each ended by U+001D
     * @param sources the source of descriptor {@code i}
     * @return an unmodifiable list, in the order of {@code data}
     * @throws IllegalStateException when an entry was written by another version of the processor
     */
    static List<OperationDescriptor> decode(String data, IntFunction<OperationDescriptor.Source> sources) {
        return DescriptorCodec.decodeJoined(data, sources);
    }
}
