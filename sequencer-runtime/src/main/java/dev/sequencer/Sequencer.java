package dev.sequencer;

import java.util.List;

/**
 * The front door of Sequencer. PLACEHOLDER while the runtime is written: the signatures used by generated code are
 * final, the bodies are not.
 */
public final class Sequencer implements AutoCloseable {

    private Sequencer() {}

    public static Builder configure() {
        return new Builder();
    }

    public RunReport migrate() {
        throw new UnsupportedOperationException();
    }

    public RunReport process() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}

    public static final class Builder {
        public Builder loadConfiguration() {
            return this;
        }

        public Builder dataSource(javax.sql.DataSource dataSource) {
            return this;
        }

        public Builder registry(List<OperationDescriptor> operations) {
            return this;
        }

        public Builder discoverRegistries() {
            return this;
        }

        public Sequencer load() {
            return new Sequencer();
        }
    }
}
