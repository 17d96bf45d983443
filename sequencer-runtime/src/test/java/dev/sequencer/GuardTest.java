package dev.sequencer;

import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.internal.guard.AddressGuard;
import dev.sequencer.internal.guard.HostnameGuard;
import dev.sequencer.support.Tables;
import dev.sequencer.support.TestDatabase;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards block a whole run before it touches anything. */
class GuardTest {

    private static List<InetAddress> addresses(String... literals) {
        return java.util.Arrays.stream(literals)
                .map(a -> {
                    try {
                        return InetAddress.getByName(a);
                    } catch (java.net.UnknownHostException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    @Test
    void addressGuardMatchesExactAddressesAndCidrBlocksInIpv4AndIpv6() {
        assertTrue(new AddressGuard(List.of("2001:db8::/32"), () -> addresses("10.9.9.9", "2001:db8:0:1::5")).allows());
        assertFalse(new AddressGuard(List.of("2001:db8::/32"), () -> addresses("2001:db9::1")).allows());
        assertTrue(new AddressGuard(List.of("10.0.0.0/8"), () -> addresses("10.1.2.3")).allows());
        assertFalse(new AddressGuard(List.of("10.0.0.0/8"), () -> addresses("192.168.1.1", "::1")).allows());
        assertTrue(new AddressGuard(List.of("::1"), () -> addresses("::1")).allows());
        assertTrue(new AddressGuard(List.of("0.0.0.0/0"), () -> addresses("8.8.8.8")).allows());
    }

    @Test
    void addressGuardRejectsWhatIsNotAnAddress() {
        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> new AddressGuard(List.of("db.example.com"), List::of));
        assertEquals("sequencer.guard.addresses", e.key());
    }

    @Test
    void hostnameGuardComparesIgnoringCase() {
        assertTrue(new HostnameGuard(List.of("Deploy-1"), () -> "deploy-1").allows());
        HostnameGuard blocked = new HostnameGuard(List.of("deploy-1"), () -> "laptop");
        assertFalse(blocked.allows());
        assertTrue(blocked.reason().contains("'laptop'"), blocked.reason());
    }

    @Test
    void blockedHostFailsTheRunBeforeTouchingTheDatabaseNamingTheGuard() throws Exception {
        TestDatabase db = TestDatabase.h2();
        List<OperationDescriptor> ops = List.of(op("2024_01_01_000000", "x", () -> ctx -> {}));
        try (Sequencer sequencer = over(db, "basic", ops)
                .property("sequencer.guard.hostnames", "no-such-host-for-sure")
                .load()) {
            GuardBlockedException e = assertThrows(GuardBlockedException.class, sequencer::process);

            assertEquals("hostname", e.guard());
            assertTrue(e.getMessage().contains("Run blocked by the hostname guard"), e.getMessage());
            assertFalse(Tables.exists(sequencer.dataSource(), "items"));
            assertFalse(Tables.exists(sequencer.dataSource(), "flyway_schema_history"));
            assertThrows(GuardBlockedException.class, sequencer::migrate);
        }
    }

    @Test
    void customGuardBlocksWithItsReason() {
        ExecutionGuard maintenance = new ExecutionGuard() {
            @Override
            public boolean allows() {
                return false;
            }

            @Override
            public String reason() {
                return "maintenance window";
            }

            @Override
            public String name() {
                return "maintenance";
            }
        };
        try (Sequencer sequencer =
                over(TestDatabase.h2(), "basic", List.of()).guard(maintenance).load()) {
            GuardBlockedException e = assertThrows(GuardBlockedException.class, sequencer::process);
            assertEquals("maintenance", e.guard());
            assertTrue(e.getMessage().contains("maintenance window"), e.getMessage());
        }
    }
}
