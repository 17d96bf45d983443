package dev.sequencer.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationPolicy;
import dev.sequencer.OperationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact entries of the generated registry, written by hand as the processor writes them. */
class DescriptorCodecTest {

    private static final String F = "\u001f";
    private static final String I = "\u001e";

    /** A source that remembers its index. */
    private record IndexedSource(int index) implements OperationDescriptor.Source {
        @Override
        public Class<? extends OperationHandler> type() {
            throw new UnsupportedOperationException();
        }

        @Override
        public OperationHandler newInstance() {
            throw new UnsupportedOperationException();
        }
    }

    private static final String PLAIN =
            String.join(F, "2024_01_02_000000_seed", "20240102000000", "com.example.Seed", "", "", "", "", "5");

    private static final String FULL = String.join(
            F,
            "backfill-invoices",
            "20240104000000",
            "com.example.Outer$Backfill",
            "Fills \"invoices\" – from lines",
            "billing" + I + "slow" + I + "nightly",
            "2024_01_02_000000_seed" + I + "other",
            "2.1",
            "2",
            "4",
            "1000" + I + "5000" + I + "2592000000",
            "30000",
            "1",
            "production" + I + "staging-*");

    @Test
    void decodesAPlainEntryWithTheDefaultPolicy() {
        List<OperationDescriptor> decoded = OperationRegistry.decode(new String[] {PLAIN}, IndexedSource::new);

        OperationDescriptor seed = decoded.get(0);
        assertEquals("2024_01_02_000000_seed", seed.name());
        assertEquals("20240102000000", seed.timestamp());
        assertEquals("com.example.Seed", seed.className());
        assertEquals("", seed.description());
        assertEquals(List.of(), seed.tags());
        assertEquals(List.of(), seed.dependsOn());
        assertNull(seed.afterMigration());
        assertTrue(seed.transactional());
        assertEquals(false, seed.asynchronous());
        assertTrue(seed.constructible());
        assertSame(OperationPolicy.DEFAULT, seed.policy());
        assertEquals(new IndexedSource(0), seed.source());
    }

    @Test
    void decodesAnEntryWithListsAndAPolicy() {
        List<OperationDescriptor> decoded = OperationRegistry.decode(new String[] {PLAIN, FULL}, IndexedSource::new);

        OperationDescriptor full = decoded.get(1);
        assertEquals("backfill-invoices", full.name());
        assertEquals("com.example.Outer$Backfill", full.className());
        assertEquals("Fills \"invoices\" – from lines", full.description());
        assertEquals(List.of("billing", "slow", "nightly"), full.tags());
        assertEquals(List.of("2024_01_02_000000_seed", "other"), full.dependsOn());
        assertEquals("2.1", full.afterMigration());
        assertEquals(false, full.transactional());
        assertTrue(full.asynchronous());
        assertEquals(false, full.constructible());
        assertEquals(
                new OperationPolicy(
                        4,
                        List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofDays(30)),
                        Duration.ofSeconds(30),
                        true,
                        List.of("production", "staging-*")),
                full.policy());
        assertEquals(new IndexedSource(1), full.source());
    }

    @Test
    void roundTrips() {
        List<OperationDescriptor> decoded = OperationRegistry.decode(new String[] {PLAIN, FULL}, IndexedSource::new);

        assertEquals(PLAIN, DescriptorCodec.encode(decoded.get(0)));
        assertEquals(FULL, DescriptorCodec.encode(decoded.get(1)));
    }

    @Test
    void aPartitionedEntryCarriesItsConcurrencyAndRoundTrips() {
        String partitioned = FULL + F + "4";

        OperationDescriptor op = OperationRegistry.decode(new String[] {partitioned}, IndexedSource::new)
                .get(0);

        assertTrue(op.policy().partitioned());
        assertEquals(4, op.policy().partitionConcurrency());
        assertEquals(partitioned, DescriptorCodec.encode(op));
    }

    @Test
    void theListIsUnmodifiable() {
        List<OperationDescriptor> decoded = OperationRegistry.decode(new String[] {PLAIN}, IndexedSource::new);

        assertThrows(UnsupportedOperationException.class, () -> decoded.add(decoded.get(0)));
        assertThrows(UnsupportedOperationException.class, () -> decoded.set(0, decoded.get(0)));
    }

    @Test
    void aWrongFieldCountNamesTheEntry() {
        List<String> wrong = new ArrayList<>(List.of(FULL.split(F, -1)));
        wrong.add("extra");
        String[] data = {PLAIN, String.join(F, wrong)};

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> OperationRegistry.decode(data, IndexedSource::new));

        assertTrue(e.getMessage().contains("entry 1 (backfill-invoices)"), e.getMessage());
        assertTrue(e.getMessage().contains("generated by another version of the processor; rebuild"), e.getMessage());
    }

    @Test
    void tooFewFieldsOrAMalformedNumberIsAnError() {
        String[] tooFew = {String.join(F, "a", "20240102000000", "com.example.A")};
        String[] badFlags = {PLAIN.substring(0, PLAIN.length() - 1) + "x"};

        assertTrue(assertThrows(IllegalStateException.class, () -> OperationRegistry.decode(tooFew, IndexedSource::new))
                .getMessage()
                .contains("entry 0 (a)"));
        assertThrows(IllegalStateException.class, () -> OperationRegistry.decode(badFlags, IndexedSource::new));
    }

    @Test
    void joinedDataDecodesEntryByEntryWithTheirIndexes() {
        String joined = PLAIN + DescriptorCodec.ENTRY + FULL + DescriptorCodec.ENTRY;

        List<OperationDescriptor> decoded = OperationRegistry.decode(joined, IndexedSource::new);

        assertEquals(
                OperationRegistry.decode(new String[] {PLAIN, FULL}, IndexedSource::new).stream()
                        .map(DescriptorCodec::encode)
                        .toList(),
                decoded.stream().map(DescriptorCodec::encode).toList());
        assertEquals(1, ((IndexedSource) decoded.get(1).source()).index());
        assertTrue(OperationRegistry.decode("", IndexedSource::new).isEmpty());
    }

    @Test
    void joinedDataThatEndsInsideAnEntryIsAnError() {
        String cut = PLAIN + DescriptorCodec.ENTRY + FULL;

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> OperationRegistry.decode(cut, IndexedSource::new));

        assertTrue(e.getMessage().contains("entry 1 (backfill-invoices)"), e.getMessage());
        assertTrue(e.getMessage().contains("ends inside an entry"), e.getMessage());
    }
}
