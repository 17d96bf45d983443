package dev.sequencer.processor;

import java.util.List;

/**
 * Writes an operation as the compact entry the runtime decodes into an {@code OperationDescriptor}. The format is
 * documented in one place, the Javadoc of {@code dev.sequencer.internal.registry.DescriptorCodec} (runtime), which
 * decodes it; the processor cannot depend on the runtime, so this is the writing half, kept in step with it.
 */
final class DescriptorData {

    /** Separates the fields of an entry (U+001F). */
    static final char FIELD = '\u001f';

    /** Separates the items of a list field (U+001E). */
    static final char ITEM = '\u001e';

    /** Ends an entry in the registry's joined data (U+001D). */
    static final char ENTRY = '\u001d';

    private DescriptorData() {}

    /**
     * The entry of {@code model}: 8 fields, 13 when the policy is not the default, 14 when the operation is
     * {@code @Partitioned}.
     */
    static String encode(OperationModel model) {
        int flags = (model.transactional() ? 1 : 0)
                | (model.asynchronous() ? 2 : 0)
                | (model.handler().constructible() ? 4 : 0);
        StringBuilder entry = new StringBuilder();
        entry.append(text(model.name()))
                .append(FIELD)
                .append(model.timestamp())
                .append(FIELD)
                .append(model.binaryName())
                .append(FIELD)
                .append(text(model.description()))
                .append(FIELD)
                .append(list(model.tags()))
                .append(FIELD)
                .append(list(model.dependsOn()))
                .append(FIELD)
                .append(model.afterMigration() == null ? "" : text(model.afterMigration()))
                .append(FIELD)
                .append(flags);
        PolicyModel policy = model.policy();
        if (!policy.isDefault()) {
            entry.append(FIELD)
                    .append(policy.attempts())
                    .append(FIELD)
                    .append(String.join(
                            String.valueOf(ITEM),
                            policy.backoffMillis().stream().map(String::valueOf).toList()))
                    .append(FIELD)
                    .append(policy.timeoutMillis() == null ? "" : String.valueOf(policy.timeoutMillis()))
                    .append(FIELD)
                    .append(policy.allowedToFail() ? '1' : '0')
                    .append(FIELD)
                    .append(list(policy.environments()));
            if (policy.partitionConcurrency() != null) {
                entry.append(FIELD).append(policy.partitionConcurrency());
            }
        }
        return entry.toString();
    }

    private static String list(List<String> values) {
        return String.join(
                String.valueOf(ITEM), values.stream().map(DescriptorData::text).toList());
    }

    /** {@code value} with the separators replaced by a space, so that free text cannot break the entry. */
    static String text(String value) {
        return value.replace(FIELD, ' ').replace(ITEM, ' ').replace(ENTRY, ' ');
    }
}
