package dev.sequencer;

import static dev.sequencer.support.AsyncFixtures.await;
import static dev.sequencer.support.Sequencers.insert;
import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.builder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code @Timeout}: what the error says, and that the statement running at the limit is stopped on the server. */
class TimeLimitTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    static Stream<TestDatabase> servers() {
        return TestDatabase.servers();
    }

    static OperationPolicy limit(Duration timeout) {
        return new OperationPolicy(1, List.of(), timeout, false, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTimedOutNonTransactionalOperationSaysItsCommittedWritesStay(TestDatabase database) {
        TestDatabase db = database.fresh();
        List<OperationDescriptor> ops = List.of(builder("2024_01_01_000000", "slow", () -> ctx -> {
                    insert("items", 1, "auto-committed before the limit").handle(ctx);
                    Thread.sleep(30_000);
                })
                .nonTransactional()
                .policy(limit(Duration.ofMillis(300)))
                .build());

        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            OperationFailedException e = assertThrows(OperationFailedException.class, sequencer::process);

            assertTrue(e.getMessage().contains("exceeded its time limit of 300ms"), e.getMessage());
            assertTrue(e.getMessage().contains("not transactional"), e.getMessage());
            assertTrue(e.getMessage().contains("writes it committed before the limit stay"), e.getMessage());
            assertTrue(!e.getMessage().contains("its transaction was rolled back"), e.getMessage());
        }
        assertEquals(1, db.count("select count(*) from items"), "auto-committed, so it stays, as the message says");
        assertEquals(List.of("failed"), db.states("2024_01_01_000000_slow"));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // runs on the configured servers only
    @MethodSource("servers")
    void theStatementRunningAtTheTimeLimitIsCancelledOnTheServer(TestDatabase database) {
        TestDatabase db = database.fresh();
        boolean postgres = db.name().equals("postgresql");
        String sleep = postgres ? "select pg_sleep(120)" : "select sleep(120)";
        List<OperationDescriptor> ops = new java.util.ArrayList<>();
        for (boolean transactional : List.of(true, false)) {
            dev.sequencer.support.TestOperations.Builder op = builder(
                            "2024_01_01_000000", transactional ? "tx_sleeper" : "plain_sleeper", () -> ctx -> {
                                try (var s = ctx.connection().createStatement()) {
                                    s.execute(sleep);
                                }
                            })
                    .policy(new OperationPolicy(1, List.of(), Duration.ofMillis(500), true, List.of()));
            ops.add(transactional ? op.build() : op.nonTransactional().build());
        }
        try (Sequencer sequencer = over(db, "basic", ops).load()) {
            RunReport run = sequencer.process(); // both allowed to fail: the run goes on past the first
            assertEquals(
                    List.of(RunReport.Outcome.FAILED, RunReport.Outcome.FAILED),
                    run.operations().stream().map(RunReport.Step::outcome).toList());
        }
        String running = postgres
                ? "select count(*) from pg_stat_activity where state = 'active' and query = '" + sleep + "'"
                : "select count(*) from information_schema.processlist where info = '" + sleep + "'";
        await("the server stops running " + sleep, Duration.ofSeconds(20), () -> db.count(running) == 0);
    }
}
