package dev.sequencer.test;

import static dev.sequencer.test.SequencerAssertions.assertThat;
import static dev.sequencer.test.Sql.count;
import static dev.sequencer.test.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.LifecycleHooks;
import dev.sequencer.OperationContext;
import dev.sequencer.OperationHandler;
import dev.sequencer.Rollbackable;
import dev.sequencer.RunReport.Outcome;
import dev.sequencer.Sequencer;
import dev.sequencer.SkipOperationException;
import dev.sequencer.test.fixture.ArchiveDormantAccounts;
import dev.sequencer.test.fixture.SeedAccounts;
import dev.sequencer.test.fixture.UpgradeLegacyPlans;
import dev.sequencer.test.fixture.VerifyAccountEmails;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Operations.runOnce and Operations.run: one instance, run as a run would, nothing recorded. */
@SequencerTest
class OperationsTest {

    @Test
    void aCompletedOperationsWorkIsCommittedAndNothingIsRecorded(Sequencer sequencer, DataSource db)
            throws SQLException {
        assertThat(Operations.runOnce(db, new SeedAccounts())).isEqualTo(Outcome.COMPLETED);

        assertThat(count(db, "select count(*) from accounts")).isEqualTo(3);
        assertThat(sequencer).hasPending(SeedAccounts.NAME);
        assertThat(sequencer.history(SeedAccounts.NAME)).isEmpty();
    }

    @Test
    void shouldRunFalseSkipsWithItsReason(DataSource db) throws SQLException {
        execute(db, "insert into accounts (id, email, plan) values (1, 'ada@example.com', 'free')");

        OperationRun run = Operations.run(db, new UpgradeLegacyPlans());

        assertThat(run).isEqualTo(new OperationRun(Outcome.SKIPPED, "no account is on the legacy plan", null));
    }

    @Test
    void skipOperationExceptionSkipsAndOtherwiseTheOperationRuns(DataSource db) throws SQLException {
        assertThat(Operations.run(db, new ArchiveDormantAccounts()))
                .isEqualTo(new OperationRun(Outcome.SKIPPED, "no dormant accounts", null));

        execute(db, "insert into accounts (id, email, plan) values (1, 'ada@example.com', 'dormant')");

        assertThat(Operations.runOnce(db, new ArchiveDormantAccounts())).isEqualTo(Outcome.COMPLETED);
        assertThat(count(db, "select count(*) from accounts where plan = 'archived'"))
                .isEqualTo(1);
    }

    @Test
    void aSkippedOperationsWritesAreRolledBack(DataSource db) throws SQLException {
        OperationHandler insertsThenSkips = ctx -> {
            insertAccount(ctx, 9);
            throw new SkipOperationException("changed its mind");
        };

        assertThat(Operations.runOnce(db, insertsThenSkips)).isEqualTo(Outcome.SKIPPED);
        assertThat(count(db, "select count(*) from accounts")).isZero();
    }

    @Test
    void aFailureIsReturnedWithTheExceptionTheOperationThrew(DataSource db) throws SQLException {
        execute(db, "insert into accounts (id, email, plan) values (4, null, 'free')");

        OperationRun run = Operations.run(db, new VerifyAccountEmails());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.error()).isInstanceOf(IllegalStateException.class).hasMessage("account 4 has no e-mail address");
        assertThat(run.reason()).contains("account 4 has no e-mail address");
    }

    @Test
    void aFailureRollsTheWorkBackCallsTheFailedHookAndNeverRollback(DataSource db) throws SQLException {
        RecordingOperation operation = new RecordingOperation(true);

        assertThat(Operations.runOnce(db, operation)).isEqualTo(Outcome.FAILED);

        assertThat(count(db, "select count(*) from accounts")).isZero();
        assertThat(operation.calls).containsExactly("before", "handle", "failed: boom");
    }

    @Test
    void hooksRunAroundACompletedOperation(DataSource db) throws SQLException {
        RecordingOperation operation = new RecordingOperation(false);

        assertThat(Operations.runOnce(db, operation)).isEqualTo(Outcome.COMPLETED);

        assertThat(count(db, "select count(*) from accounts")).isEqualTo(1);
        assertThat(operation.calls).containsExactly("before", "handle", "after");
    }

    @Test
    void theConnectionIsGuardedAsInARun(DataSource db) {
        OperationRun run = Operations.run(db, ctx -> ctx.connection().commit());

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.error()).isInstanceOf(SQLException.class).hasMessageContaining("commit");
    }

    private static void insertAccount(OperationContext ctx, int id) throws SQLException {
        try (Statement s = ctx.connection().createStatement()) {
            s.executeUpdate("insert into accounts (id, email, plan) values (" + id + ", 'x@example.com', 'free')");
        }
    }

    /** Inserts an account, optionally fails, and records which of its methods were called. */
    static final class RecordingOperation implements OperationHandler, LifecycleHooks, Rollbackable {
        final List<String> calls = new ArrayList<>();
        private final boolean fail;

        RecordingOperation(boolean fail) {
            this.fail = fail;
        }

        @Override
        public void before(OperationContext context) {
            calls.add("before");
        }

        @Override
        public void handle(OperationContext context) throws Exception {
            calls.add("handle");
            insertAccount(context, 1);
            if (fail) {
                throw new IllegalStateException("boom");
            }
        }

        @Override
        public void after(OperationContext context) {
            calls.add("after");
        }

        @Override
        public void failed(OperationContext context, Throwable error) {
            calls.add("failed: " + error.getMessage());
        }

        @Override
        public void rollback(OperationContext context) {
            calls.add("rollback");
        }
    }
}
