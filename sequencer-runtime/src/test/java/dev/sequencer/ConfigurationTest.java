package dev.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Bad configuration fails in load(), before anything touches the database, with a message naming the key. */
class ConfigurationTest {

    private final AtomicInteger connections = new AtomicInteger();

    @Test
    void missingUrlIsAnErrorNamingTheKey() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> Sequencer.configure().registry(List.of()).load());

        assertEquals("sequencer.url", e.key());
        assertTrue(e.getMessage().contains("set sequencer.url"), e.getMessage());
    }

    @Test
    void unknownStrategyIsAnErrorNamingTheAllowedValues() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> Sequencer.configure()
                        .dataSource(untouchable())
                        .strategy("event")
                        .load());

        assertEquals("sequencer.strategy", e.key());
        assertTrue(
                e.getMessage().contains("'event'")
                        && e.getMessage().contains("'command'")
                        && e.getMessage().contains("'migration'"),
                e.getMessage());
        assertEquals(0, connections.get());
    }

    @Test
    void tablePrefixThatIsNotAnIdentifierIsRejectedBeforeTouchingTheDatabase() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> Sequencer.configure()
                        .dataSource(untouchable())
                        .property("sequencer.table-prefix", "x; drop table y")
                        .load());

        assertEquals("sequencer.table-prefix", e.key());
        assertTrue(e.getMessage().contains("x; drop table y"), e.getMessage());
        assertEquals(0, connections.get());
    }

    @Test
    void badDurationAndBooleanNameTheirKeys() {
        ConfigurationException duration = assertThrows(
                ConfigurationException.class,
                () -> Sequencer.configure()
                        .dataSource(untouchable())
                        .property("sequencer.lock.timeout", "soon")
                        .load());
        ConfigurationException bool = assertThrows(
                ConfigurationException.class,
                () -> Sequencer.configure()
                        .dataSource(untouchable())
                        .property("sequencer.migration.force-sync", "yes")
                        .load());

        assertEquals("sequencer.lock.timeout", duration.key());
        assertEquals("sequencer.migration.force-sync", bool.key());
        assertEquals(0, connections.get());
    }

    @Test
    void durationsTooLargeToRepresentAreAnErrorNamingTheKey() {
        for (String tooLarge : List.of("9999999999999999d", "106752d", "99999999999999999999999s", "PT999999999H")) {
            ConfigurationException e = assertThrows(
                    ConfigurationException.class,
                    () -> Sequencer.configure()
                            .dataSource(untouchable())
                            .property("sequencer.lock.timeout", tooLarge)
                            .load(),
                    tooLarge);

            assertEquals("sequencer.lock.timeout", e.key());
            assertTrue(e.getMessage().contains(tooLarge) && e.getMessage().contains("too large"), e.getMessage());
        }
        assertEquals(0, connections.get());
    }

    @Test
    void fewerThanFourMissedHeartbeatsIsAnError() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> Sequencer.configure()
                        .dataSource(untouchable())
                        .property("sequencer.async.missed-heartbeats", "2")
                        .load());

        assertEquals("sequencer.async.missed-heartbeats", e.key());
        assertTrue(e.getMessage().contains("use 4 or more"), e.getMessage());
    }

    @Test
    void duplicateOperationNamesAcrossRegistriesAreAnErrorAtStart() {
        OperationDescriptor a = dev.sequencer.support.TestOperations.op("2024_01_01_000000", "same", () -> c -> {});
        // another registry's operation of the same name (the same registry added twice is no duplicate, see
        // RegistryCombinationTest)
        OperationDescriptor b = dev.sequencer.support.TestOperations.op("2024_01_01_000000", "same", () -> c -> {});
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> Sequencer.configure()
                        .dataSource(untouchable())
                        .registry(List.of(a))
                        .registry(List.of(b))
                        .load());

        assertTrue(e.getMessage().contains("2024_01_01_000000_same"), e.getMessage());
    }

    @Test
    void operationsWithoutConstructorNeedAnOperationFactory() {
        OperationDescriptor injected = new OperationDescriptor(
                "2024_01_01_000000_injected",
                "20240101000000",
                "x.Injected",
                "",
                List.of(),
                List.of(),
                null,
                true,
                false,
                false,
                new OperationDescriptor.Source() {
                    @Override
                    public Class<? extends OperationHandler> type() {
                        throw new AssertionError("not loaded at start");
                    }

                    @Override
                    public OperationHandler newInstance() {
                        return null;
                    }
                });
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> Sequencer.configure()
                        .dataSource(untouchable())
                        .registry(List.of(injected))
                        .load());

        assertTrue(e.getMessage().contains("[2024_01_01_000000_injected]"), e.getMessage());
        assertTrue(e.getMessage().contains("OperationFactory"), e.getMessage());
    }

    /** A DataSource that counts connection attempts and fails them. */
    private DataSource untouchable() {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> {
                        connections.incrementAndGet();
                        throw new java.sql.SQLException("the database must not be touched");
                    }
                    case "getLogWriter" -> (PrintWriter) null;
                    case "getParentLogger" -> Logger.getGlobal();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "untouchable";
                    default -> null;
                });
    }
}
