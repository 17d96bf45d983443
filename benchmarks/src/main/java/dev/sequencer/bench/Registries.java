package dev.sequencer.bench;

import dev.sequencer.OperationDescriptor;
import java.util.ArrayList;
import java.util.List;

/** The generated registries: {@code bench.ops1k} (1,000, always built) and {@code bench.ops} (10,000 with -Pfull). */
final class Registries {

    static final String SMALL = "bench.ops1k.GeneratedSequencer";
    static final String BIG = "bench.ops.GeneratedSequencer";

    private Registries() {}

    /** The registry generated into {@code className}, or an empty list when that set was not built. */
    @SuppressWarnings("unchecked")
    static List<OperationDescriptor> load(String className) {
        try {
            Class<?> type = Class.forName(className);
            return (List<OperationDescriptor>) type.getMethod("registry").invoke(null);
        } catch (ClassNotFoundException e) {
            return List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The largest generated registry. */
    static List<OperationDescriptor> largest() {
        List<OperationDescriptor> big = load(BIG);
        return big.size() >= load(SMALL).size() ? big : load(SMALL);
    }

    /** Whether {@link #first} can serve {@code n} operations from generated classes alone, without copies. */
    static boolean generated(int n) {
        return largest().size() >= n;
    }

    /**
     * The first {@code n} operations of the largest registry. When it is smaller than {@code n} (a build without
     * -Pfull), the rest are renamed copies of generated descriptors (same no-op classes, later timestamps); the
     * runtime treats them exactly like generated ones, and the report says so.
     */
    static List<OperationDescriptor> first(int n) {
        return first(n, false);
    }

    /** As {@link #first(int)}, with every operation flagged {@code @Asynchronous} if {@code asynchronous}. */
    static List<OperationDescriptor> first(int n, boolean asynchronous) {
        List<OperationDescriptor> all = largest();
        List<OperationDescriptor> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OperationDescriptor op = all.get(i % all.size());
            int copy = i / all.size();
            String name = copy == 0 ? op.name() : op.name() + "_copy" + copy;
            String timestamp =
                    copy == 0 ? op.timestamp() : String.valueOf(Long.parseLong(op.timestamp()) + 1_000_000L * copy);
            result.add(
                    copy == 0 && !asynchronous
                            ? op
                            : new OperationDescriptor(
                                    name,
                                    timestamp,
                                    op.className(),
                                    op.description(),
                                    op.tags(),
                                    op.dependsOn(),
                                    op.afterMigration(),
                                    op.transactional(),
                                    asynchronous,
                                    op.constructible(),
                                    op.source(),
                                    op.policy()));
        }
        return result;
    }
}
