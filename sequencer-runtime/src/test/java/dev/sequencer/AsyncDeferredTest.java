package dev.sequencer;

import static dev.sequencer.support.AsyncFixtures.await;
import static dev.sequencer.support.AsyncFixtures.deferred;
import static dev.sequencer.support.AsyncFixtures.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Sequencer.defer}: deferred tasks handed to {@code @Deferred} handlers by workers. */
class AsyncDeferredTest {

    /** The asynchronous tests' own database on the servers: other suites empty the shared one. */
    static final String ASYNC_DATABASE = "seq_async";

    static final Duration WAIT = Duration.ofSeconds(60);

    static Stream<TestDatabase> databases() {
        return TestDatabase.all().map(server -> server.isolated(ASYNC_DATABASE));
    }

    /** Records each payload in effects, in the handler's transaction. */
    static DeferredHandler recorder(AtomicInteger calls) {
        return (ctx, payload) -> {
            calls.incrementAndGet();
            try (PreparedStatement ps =
                    ctx.connection().prepareStatement("insert into effects (name, note) values (?, ?)")) {
                ps.setString(1, ctx.name());
                ps.setString(2, payload);
                ps.executeUpdate();
            }
        };
    }

    static String row(TestDatabase db, String id) {
        return String.join(" ", db.strings("select state from sequencer_deferred_tasks where id = '" + id + "'"))
                + " "
                + String.join(" ", db.strings("select attempt from sequencer_deferred_tasks where id = '" + id + "'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void duePayloadsAreHandedToTheirHandlerOnceAndFutureOnesWait(TestDatabase database) throws Exception {
        TestDatabase db = database.fresh();
        AtomicInteger calls = new AtomicInteger();

        try (Sequencer sequencer = over(db, List.of())
                .deferredHandlers(List.of(deferred("mail", () -> recorder(calls))))
                .load()) {
            sequencer.process(); // creates the effects table
            String first = sequencer.defer("mail", "{\"to\":\"ann\"}", Instant.now());
            String second = sequencer.defer("mail", "{\"to\":\"bob\"}", null);
            String later =
                    sequencer.defer("mail", "{\"to\":\"cid\"}", Instant.now().plus(Duration.ofHours(1)));

            try (Worker worker = sequencer.worker()) {
                assertTrue(worker.awaitIdle(WAIT));
            }

            assertEquals(2, calls.get());
            assertEquals(
                    List.of("{\"to\":\"ann\"}", "{\"to\":\"bob\"}"),
                    db.strings("select note from effects order by note"));
            assertEquals("completed 1", row(db, first));
            assertEquals("completed 1", row(db, second));
            assertEquals("scheduled 0", row(db, later));
            try (var c = db.connect();
                    var ps = c.prepareStatement("select task_name, task_data from sequencer_scheduled_tasks")) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("sequencer-deferred", rs.getString(1));
                    assertEquals("{\"to\":\"cid\"}", new String(rs.getBytes(2), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailingHandlerIsRetriedThenRecordedFailedWithTheLastError(TestDatabase database) {
        TestDatabase db = database.fresh();
        AtomicInteger calls = new AtomicInteger();
        DeferredHandler failing = (ctx, payload) -> {
            recorder(new AtomicInteger()).handle(ctx, payload);
            throw new IllegalStateException("mail server down " + calls.incrementAndGet());
        };

        try (Sequencer sequencer = over(db, List.of())
                .property("sequencer.async.deferred-retry-delay", "200ms")
                .deferredHandlers(List.of(deferred("mail", () -> failing)))
                .load()) {
            sequencer.process();
            String id = sequencer.defer("mail", "{}", Instant.now());

            try (Worker worker = sequencer.worker()) {
                await(
                        "the deferred task has failed for good",
                        WAIT,
                        () -> row(db, id).startsWith("failed"));
            }

            assertEquals("failed 3", row(db, id));
            assertEquals(3, calls.get());
            assertEquals(
                    List.of("IllegalStateException: mail server down 3"),
                    db.strings("select last_error from sequencer_deferred_tasks"));
            assertEquals(0, db.count("select count(*) from effects"), "every attempt was rolled back");
            assertEquals(0, db.count("select count(*) from sequencer_scheduled_tasks"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUnknownAliasIsAnErrorListingTheKnownOnes(TestDatabase database) {
        TestDatabase db = database.fresh();
        try (Sequencer sequencer = over(db, List.of())
                .deferredHandlers(
                        List.of(deferred("mail", () -> (ctx, p) -> {}), deferred("sms", () -> (ctx, p) -> {})))
                .load()) {
            SequencerException e =
                    assertThrows(SequencerException.class, () -> sequencer.defer("fax", "{}", Instant.now()));

            assertEquals(
                    "No @Deferred handler is registered under alias 'fax'; known aliases: mail, sms", e.getMessage());
        }
    }
}
