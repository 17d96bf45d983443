package dev.sequencer.support;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationRegistry;
import java.util.List;

/** A registry as generated code writes one, with nothing in it: for tests of registry discovery. */
public final class EmptyRegistry implements OperationRegistry {

    @Override
    public List<OperationDescriptor> operations() {
        return List.of();
    }
}
