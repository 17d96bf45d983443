package dev.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.TestOperations;
import java.lang.reflect.Proxy;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Registries combine by name: the same registry added twice is one, two operations of one name an error naming both. */
class RegistryCombinationTest {

    private static final class First implements OperationHandler {
        @Override
        public void handle(OperationContext context) {}
    }

    private static final class Second implements OperationHandler {
        @Override
        public void handle(OperationContext context) {}
    }

    /** Building a Sequencer touches no database; this one fails if anything tries. */
    private static DataSource untouchable() {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new AssertionError("touched the database: " + method.getName());
                });
    }

    @Test
    void sameRegistryAddedTwiceIsOneRegistry() {
        List<OperationDescriptor> registry = List.of(TestOperations.op("2024_01_01_000000", "first", First::new));

        try (Sequencer sequencer = Sequencer.configure()
                .dataSource(untouchable())
                .registry(registry)
                .registry(registry)
                .load()) {
            assertEquals(registry, sequencer.registry());
        }
    }

    @Test
    void twoOperationsOfOneNameAreAnErrorNamingBothClasses() {
        OperationDescriptor first = named("2024_01_01_000000_same", "com.a.Same", First::new);
        OperationDescriptor second = named("2024_01_01_000000_same", "com.b.Same", Second::new);

        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> Sequencer.configure()
                        .dataSource(untouchable())
                        .registry(List.of(first))
                        .registry(List.of(second))
                        .load());

        assertTrue(e.getMessage().contains("2024_01_01_000000_same"), e.getMessage());
        assertTrue(e.getMessage().contains("com.a.Same and com.b.Same"), e.getMessage());
    }

    /** An operation of class {@code className}, as two separately compiled registries would describe it. */
    private static OperationDescriptor named(
            String name, String className, java.util.function.Supplier<OperationHandler> handler) {
        OperationDescriptor.Source source =
                TestOperations.op("2024_01_01_000000", "x", handler).source();
        return new OperationDescriptor(
                name, "20240101000000", className, "", List.of(), List.of(), null, true, false, true, source);
    }
}
