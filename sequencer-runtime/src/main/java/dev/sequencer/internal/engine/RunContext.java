package dev.sequencer.internal.engine;

import dev.sequencer.OperationContext;
import dev.sequencer.OperationDescriptor;
import java.sql.Connection;
import javax.sql.DataSource;

/** The {@link OperationContext} handed to an operation. */
record RunContext(Connection connection, DataSource dataSource, OperationDescriptor descriptor, int attempt)
        implements OperationContext {

    @Override
    public String name() {
        return descriptor.name();
    }
}
