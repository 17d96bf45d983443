package dev.sequencer;

import java.util.List;
import java.util.Set;

/**
 * Options of {@link Sequencer#process(ProcessOptions)}.
 *
 * @param tags run only operations carrying one of these tags (migrations are still applied); empty means all
 * @param from run only operations at or after this timestamp (fourteen digits), or {@code null}
 * @param repeat run completed operations again, each rerun recorded as a new row
 * @param dryRun change nothing and return the plan: migrations and operations in the order they would run
 * @param sync run {@code @Asynchronous} operations inline
 */
public record ProcessOptions(Set<String> tags, String from, boolean repeat, boolean dryRun, boolean sync) {

    /**
     * Options; the tags are copied.
     *
     * @param tags run only operations carrying one of these tags; empty means all
     * @param from run only operations at or after this timestamp, or {@code null}
     * @param repeat run completed operations again
     * @param dryRun change nothing and return the plan
     * @param sync run {@code @Asynchronous} operations inline
     */
    public ProcessOptions {
        tags = Set.copyOf(tags);
    }

    /** {@return the options that run everything pending, for real} */
    public static ProcessOptions defaults() {
        return builder().build();
    }

    /** {@return a builder, starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProcessOptions}. */
    public static final class Builder {
        private Set<String> tags = Set.of();
        private String from;
        private boolean repeat;
        private boolean dryRun;
        private boolean sync;

        private Builder() {}

        /**
         * Only operations carrying one of these tags (migrations are still applied).
         *
         * @param tags the tags; none means all operations
         * @return this builder
         */
        public Builder tags(String... tags) {
            this.tags = Set.copyOf(List.of(tags));
            return this;
        }

        /**
         * Only operations at or after {@code timestamp}.
         *
         * @param timestamp written {@code 2024_01_02_000000} or fourteen digits
         * @return this builder
         * @throws IllegalArgumentException when {@code timestamp} is not a timestamp
         */
        public Builder from(String timestamp) {
            String digits = timestamp.replace("_", "");
            if (!digits.matches("\\d{14}")) {
                throw new IllegalArgumentException(
                        "from is '" + timestamp + "'; write a timestamp like 2024_01_02_000000 or 20240102000000");
            }
            this.from = digits;
            return this;
        }

        /**
         * Runs completed operations again, each rerun recorded as a new row.
         *
         * @param repeat whether to
         * @return this builder
         */
        public Builder repeat(boolean repeat) {
            this.repeat = repeat;
            return this;
        }

        /**
         * Changes nothing and returns the plan.
         *
         * @param dryRun whether to
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Runs {@code @Asynchronous} operations inline.
         *
         * @param sync whether to
         * @return this builder
         */
        public Builder sync(boolean sync) {
            this.sync = sync;
            return this;
        }

        /** {@return the options} */
        public ProcessOptions build() {
            return new ProcessOptions(tags, from, repeat, dryRun, sync);
        }
    }
}
