package dev.sequencer;

import java.util.List;
import java.util.Objects;

/**
 * What the generated registry knows about one operation, without loading its class.
 *
 * @param name the unique name, the key in the history table
 * @param timestamp fourteen digits, {@code yyyyMMddHHmmss}
 * @param className the binary name of the operation class, for messages and the history table
 * @param description a human description, possibly empty
 * @param tags the tags, possibly empty
 * @param dependsOn names of the operations that must be {@code completed} first
 * @param afterMigration the Flyway version right after which the operation runs, or {@code null}
 * @param transactional whether handle and the {@code completed} record share one transaction
 * @param asynchronous whether the operation runs on the asynchronous backend
 * @param constructible whether the registry can build the class itself (an accessible no-argument constructor);
 *     otherwise an {@link OperationFactory} must
 * @param source loads and builds the operation class when it is about to run
 * @param policy retries, time limit, allowed-to-fail and environments
 */
public record OperationDescriptor(
        String name,
        String timestamp,
        String className,
        String description,
        List<String> tags,
        List<String> dependsOn,
        String afterMigration,
        boolean transactional,
        boolean asynchronous,
        boolean constructible,
        Source source,
        OperationPolicy policy) {

    /**
     * A descriptor with {@link OperationPolicy#DEFAULT}.
     *
     * @param name the unique name, the key in the history table
     * @param timestamp fourteen digits, {@code yyyyMMddHHmmss}
     * @param className the binary name of the operation class
     * @param description a human description, possibly empty
     * @param tags the tags, possibly empty
     * @param dependsOn names of the operations that must be {@code completed} first
     * @param afterMigration the Flyway version right after which the operation runs, or {@code null}
     * @param transactional whether handle and the {@code completed} record share one transaction
     * @param asynchronous whether the operation runs on the asynchronous backend
     * @param constructible whether the registry can build the class itself
     * @param source loads and builds the operation class
     */
    public OperationDescriptor(
            String name,
            String timestamp,
            String className,
            String description,
            List<String> tags,
            List<String> dependsOn,
            String afterMigration,
            boolean transactional,
            boolean asynchronous,
            boolean constructible,
            Source source) {
        this(
                name,
                timestamp,
                className,
                description,
                tags,
                dependsOn,
                afterMigration,
                transactional,
                asynchronous,
                constructible,
                source,
                OperationPolicy.DEFAULT);
    }

    /**
     * Checks the required values and normalizes the others (no {@code null} lists, description or policy).
     *
     * @param name the unique name, the key in the history table
     * @param timestamp fourteen digits, {@code yyyyMMddHHmmss}
     * @param className the binary name of the operation class
     * @param description a human description, possibly empty
     * @param tags the tags, possibly empty
     * @param dependsOn names of the operations that must be {@code completed} first
     * @param afterMigration the Flyway version right after which the operation runs, or {@code null}
     * @param transactional whether handle and the {@code completed} record share one transaction
     * @param asynchronous whether the operation runs on the asynchronous backend
     * @param constructible whether the registry can build the class itself
     * @param source loads and builds the operation class
     * @param policy retries, time limit, allowed-to-fail and environments; {@code null} for the default
     */
    public OperationDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(source, "source");
        policy = policy == null ? OperationPolicy.DEFAULT : policy;
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(tags);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        if (afterMigration != null && afterMigration.isBlank()) {
            afterMigration = null;
        }
    }

    /** {@return the timestamp as written in names, {@code yyyy_MM_dd_HHmmss}} */
    public String displayTimestamp() {
        return timestamp.substring(0, 4)
                + '_'
                + timestamp.substring(4, 6)
                + '_'
                + timestamp.substring(6, 8)
                + '_'
                + timestamp.substring(8);
    }

    /**
     * Whether this operation carries a tag.
     *
     * @param tag the tag
     * @return true when it does
     */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /**
     * Loads and builds an operation class. Generated code implements it with a switch over class literals and
     * constructor calls, so that a class is loaded only when its operation is about to run.
     */
    public interface Source {

        /** {@return the operation class, loaded} */
        Class<? extends OperationHandler> type();

        /** {@return a new instance through the no-argument constructor, or {@code null} when there is none accessible} */
        OperationHandler newInstance();
    }
}
