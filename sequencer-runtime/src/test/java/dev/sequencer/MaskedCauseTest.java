package dev.sequencer;

import static dev.sequencer.support.AsyncFixtures.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.AsyncFixtures;
import dev.sequencer.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The first cause of a failure is the one reported, and the operation is always named. */
class MaskedCauseTest {

    static Stream<TestDatabase> servers() {
        return TestDatabase.servers().map(server -> server.isolated("seq_masked"));
    }

    static Stream<TestDatabase> mariadb() {
        return TestDatabase.mariadb().stream();
    }

    /** Due at the end of time, which no database can store. */
    public static final class NeverDue implements OperationHandler, ScheduledOperation {
        @Override
        public Instant executeAt(OperationContext context) {
            return Instant.MAX;
        }

        @Override
        public void handle(OperationContext context) {}
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // H2 stores the end of time; the servers refuse it
    @MethodSource("servers")
    void aDispatchThatCannotStoreItsTaskNamesTheOperationAndItsCauseAndStoresNothing(TestDatabase database) {
        TestDatabase db = database.fresh();
        String name = "2024_01_02_000000_never_due";
        try (Sequencer sequencer = over(
                        db, List.of(AsyncFixtures.async("2024_01_02_000000", "never_due", NeverDue::new)))
                .load()) {
            SequencerException e = assertThrows(SequencerException.class, sequencer::process);

            assertTrue(e.getMessage().contains(name), e.getMessage());
            assertTrue(e.getMessage().contains("nothing was stored"), e.getMessage());
            assertEquals(List.of(), db.states(name));
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // MariaDB only: its packet limit
    @MethodSource("mariadb")
    void aWriteOverMaxAllowedPacketIsRecordedWithItsOwnErrorNotTheBrokenConnections(TestDatabase database) {
        TestDatabase db = database.isolated("seq_masked").fresh();
        String name = "2024_01_02_000000_huge";
        String huge = "x".repeat(17 * 1024 * 1024); // just over the server's default max_allowed_packet of 16 MB
        try (Sequencer sequencer = over(db, List.of(AsyncFixtures.sync("2024_01_02_000000", "huge", () -> ctx -> {
                    try (var ps = ctx.connection().prepareStatement("insert into effects (name, note) values (?, ?)")) {
                        ps.setString(1, ctx.name());
                        ps.setString(2, huge);
                        ps.executeUpdate();
                    }
                })))
                .load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);

            assertEquals(name, e.operation());
            // The driver reports the oversized packet ("Got a packet bigger than 'max_allowed_packet'", or the reset
            // socket when the server hangs up first); what matters is that the failure reported and recorded is the
            // one the operation's own write threw, not a later one from the connection it broke.
            assertTrue(thrownByTheOperation(e.getCause()), e.getCause().toString());
            assertEquals(List.of("failed"), db.states(name));
            assertEquals(
                    List.of(e.getCause().getClass().getName()),
                    db.strings("select exception_class from sequencer_operation_errors"));
        }
    }

    /** Whether {@code error} was thrown while this test's operation ran its insert. */
    private static boolean thrownByTheOperation(Throwable error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith(MaskedCauseTest.class.getName())
                    && frame.getMethodName().contains("lambda")) {
                return true;
            }
        }
        return false;
    }
}
