package dev.sequencer.support;

import dev.sequencer.DeferredDescriptor;
import dev.sequencer.DeferredHandler;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationPolicy;
import dev.sequencer.Sequencer;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Registries, Sequencers and waiting for the asynchronous tests (databases from {@link TestDatabase}). */
public final class AsyncFixtures {

    private AsyncFixtures() {}

    /** A Sequencer over {@code db} with migrations {@code db/async} (tables effects and markers), fast polling. */
    public static Sequencer.Builder over(TestDatabase db, List<OperationDescriptor> ops) {
        return Sequencer.configure()
                .property("sequencer.url", db.url())
                .property("sequencer.flyway.locations", "classpath:db/async")
                .property("sequencer.lock.timeout", "20s")
                .property("sequencer.async.polling-interval", "100ms")
                .property("sequencer.async.threads", "2")
                .registry(ops);
    }

    /** A transactional operation named {@code <timestamp>_<suffix>}. */
    public static OperationDescriptor op(
            String timestamp,
            String suffix,
            boolean asynchronous,
            OperationPolicy policy,
            Supplier<OperationHandler> handler,
            String... dependsOn) {
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
        String name = timestamp + "_" + suffix;
        return new OperationDescriptor(
                name,
                timestamp.replace("_", ""),
                "test." + name,
                "",
                List.of(),
                List.of(dependsOn),
                null,
                true,
                asynchronous,
                true,
                source,
                policy);
    }

    public static OperationDescriptor async(String timestamp, String suffix, Supplier<OperationHandler> handler) {
        return op(timestamp, suffix, true, OperationPolicy.DEFAULT, handler);
    }

    public static OperationDescriptor sync(String timestamp, String suffix, Supplier<OperationHandler> handler) {
        return op(timestamp, suffix, false, OperationPolicy.DEFAULT, handler);
    }

    /** {@code attempts} attempts, no delay between them. */
    public static OperationPolicy attempts(int attempts) {
        return new OperationPolicy(attempts, List.of(), null, false, List.of());
    }

    /** An operation body that inserts (its name, {@code note}) into {@code effects}, in its transaction. */
    public static OperationHandler effect(String note) {
        return ctx -> {
            try (PreparedStatement ps =
                    ctx.connection().prepareStatement("insert into effects (name, note) values (?, ?)")) {
                ps.setString(1, ctx.name());
                ps.setString(2, note);
                ps.executeUpdate();
            }
        };
    }

    public static DeferredDescriptor deferred(String alias, Supplier<DeferredHandler> handler) {
        return new DeferredDescriptor(alias, "test.deferred." + alias, true, new DeferredDescriptor.Source() {
            @Override
            public Class<? extends DeferredHandler> type() {
                return handler.get().getClass();
            }

            @Override
            public DeferredHandler newInstance() {
                return handler.get();
            }
        });
    }

    /** Waits until {@code condition} holds, checking every 50 ms; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting until " + what);
            }
        }
    }
}
