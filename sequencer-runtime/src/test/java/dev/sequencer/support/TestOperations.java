package dev.sequencer.support;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import java.util.List;
import java.util.function.Supplier;

/** Builds registry entries by hand, the way generated code does, for runtime tests. */
public final class TestOperations {

    private TestOperations() {}

    /** A transactional operation named {@code <timestamp>_<suffix>}. */
    public static OperationDescriptor op(String timestamp, String suffix, Supplier<OperationHandler> handler) {
        return builder(timestamp, suffix, handler).build();
    }

    public static Builder builder(String timestamp, String suffix, Supplier<OperationHandler> handler) {
        return new Builder(timestamp, suffix, handler);
    }

    /** Mutable builder of a descriptor. */
    public static final class Builder {
        private final String timestamp;
        private final String name;
        private final Supplier<OperationHandler> handler;
        private List<String> tags = List.of();
        private List<String> dependsOn = List.of();
        private String afterMigration;
        private boolean transactional = true;
        private boolean asynchronous;
        private dev.sequencer.OperationPolicy policy = dev.sequencer.OperationPolicy.DEFAULT;

        Builder(String timestamp, String suffix, Supplier<OperationHandler> handler) {
            this.timestamp = timestamp.replace("_", "");
            this.name = timestamp + "_" + suffix;
            this.handler = handler;
        }

        public Builder tags(String... tags) {
            this.tags = List.of(tags);
            return this;
        }

        public Builder dependsOn(String... names) {
            this.dependsOn = List.of(names);
            return this;
        }

        public Builder afterMigration(String version) {
            this.afterMigration = version;
            return this;
        }

        public Builder nonTransactional() {
            this.transactional = false;
            return this;
        }

        public Builder policy(dev.sequencer.OperationPolicy policy) {
            this.policy = policy;
            return this;
        }

        public Builder asynchronous() {
            this.asynchronous = true;
            return this;
        }

        public OperationDescriptor build() {
            OperationDescriptor.Source source = new OperationDescriptor.Source() {
                @Override
                @SuppressWarnings("unchecked")
                public Class<? extends OperationHandler> type() {
                    return (Class<? extends OperationHandler>) handler.get().getClass();
                }

                @Override
                public OperationHandler newInstance() {
                    return handler.get();
                }
            };
            return new OperationDescriptor(
                    name,
                    timestamp,
                    "test." + name,
                    "",
                    tags,
                    dependsOn,
                    afterMigration,
                    transactional,
                    asynchronous,
                    true,
                    source,
                    policy);
        }
    }
}
