package dev.sequencer.test;

import static dev.sequencer.test.SequencerAssertions.assertThat;
import static dev.sequencer.test.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequencer.OperationFailedException;
import dev.sequencer.Sequencer;
import dev.sequencer.test.fixture.ArchiveDormantAccounts;
import dev.sequencer.test.fixture.NumberedSteps;
import dev.sequencer.test.fixture.OperationNames;
import dev.sequencer.test.fixture.SeedAccounts;
import dev.sequencer.test.fixture.SendWelcomeMails;
import dev.sequencer.test.fixture.UpgradeLegacyPlans;
import dev.sequencer.test.fixture.VerifyAccountEmails;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Each assertion passing, and failing with a message that shows every operation and the last error. */
@SequencerTest
class SequencerAssertTest {

    private static final String STEP_1 = NumberedSteps.NAMES.get(0);

    @Test
    void everyAssertionPassesOnWhatProcessDid(Sequencer sequencer) {
        sequencer.process();

        assertThat(sequencer)
                .hasCompleted(SeedAccounts.NAME, UpgradeLegacyPlans.NAME)
                .hasSkipped(ArchiveDormantAccounts.NAME)
                .hasDispatched(SendWelcomeMails.NAME)
                .hasNothingPending();
    }

    @Test
    void hasCompletedNamesEachOperationThatIsNotAndListsThemAll(Sequencer sequencer) {
        assertThatThrownBy(() -> assertThat(sequencer).hasCompleted(SeedAccounts.NAME, STEP_1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected operations " + SeedAccounts.NAME + ", " + STEP_1
                        + " to be completed, but " + SeedAccounts.NAME + " has never run; " + STEP_1
                        + " has never run.")
                .hasMessageContaining("Operations, in run order:")
                .satisfies(e -> assertThat(e.getMessage().lines().filter(l -> l.contains("never ran")))
                        .as("a line for each of the 20 operations")
                        .hasSize(20));
    }

    @Test
    void aFailedOperationShowsItsStateMessageAndStackTrace(Sequencer sequencer, DataSource db) throws SQLException {
        execute(db, "insert into accounts (id, email, plan) values (7, null, 'free')");
        assertThatThrownBy(sequencer::process).isInstanceOf(OperationFailedException.class);

        assertThat(sequencer).hasFailed(VerifyAccountEmails.NAME).hasPending(VerifyAccountEmails.NAME, STEP_1);
        assertThatThrownBy(() -> assertThat(sequencer).hasCompleted(VerifyAccountEmails.NAME))
                .hasMessageStartingWith("Expected operation " + VerifyAccountEmails.NAME + " to be completed, but it"
                        + " is failed, pending: IllegalStateException: account 7 has no e-mail address.")
                .hasMessageContaining(SeedAccounts.NAME)
                .hasMessageMatching("(?s).*\\n  " + VerifyAccountEmails.NAME
                        + " +failed +pending +IllegalStateException: account 7 has no e-mail address\\n.*")
                .hasMessageContaining("Last error of " + VerifyAccountEmails.NAME + ":\n"
                        + "  java.lang.IllegalStateException: account 7 has no e-mail address")
                .hasMessageContaining("at dev.sequencer.test.fixture.VerifyAccountEmails.handle(");
    }

    @Test
    void hasFailedHasSkippedAndHasDispatchedSayWhatTheOperationIsInstead(Sequencer sequencer) {
        sequencer.process();

        assertThatThrownBy(() -> assertThat(sequencer).hasFailed(SeedAccounts.NAME))
                .hasMessageStartingWith(
                        "Expected operation " + SeedAccounts.NAME + " to be failed, but it is completed.");
        assertThatThrownBy(() -> assertThat(sequencer).hasSkipped(UpgradeLegacyPlans.NAME))
                .hasMessageStartingWith(
                        "Expected operation " + UpgradeLegacyPlans.NAME + " to be skipped, but it is completed.");
        assertThatThrownBy(() -> assertThat(sequencer).hasDispatched(ArchiveDormantAccounts.NAME))
                .hasMessageStartingWith("Expected operation " + ArchiveDormantAccounts.NAME
                        + " to be dispatched (its task waiting for a worker), but it is skipped: no dormant accounts.");
    }

    @Test
    void hasPendingAndHasNothingPendingNameThePendingOperations(Sequencer sequencer) {
        assertThatThrownBy(() -> assertThat(sequencer).hasNothingPending())
                .hasMessageStartingWith("Expected no pending operation, but the next run would execute "
                        + String.join(", ", OperationNames.all()) + ".");

        sequencer.process();

        assertThatThrownBy(() -> assertThat(sequencer).hasPending(SeedAccounts.NAME))
                .hasMessageStartingWith("Expected operation " + SeedAccounts.NAME
                        + " to be pending (the next run would execute it), but it is completed.");
    }

    @Test
    void anUnknownNameIsReportedAsInNoRegistry(Sequencer sequencer) {
        assertThatThrownBy(() -> assertThat(sequencer).hasCompleted("2024_01_02_000000_seed_acounts"))
                .hasMessageStartingWith("Expected operation 2024_01_02_000000_seed_acounts to be completed, but it"
                        + " is in no registry on the class path.");
    }

    @Test
    void namingNoOperationOrANullSequencerIsAMistakeOfTheTest(Sequencer sequencer) {
        assertThatThrownBy(() -> assertThat(sequencer).hasCompleted())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Name at least one operation");
        assertThatThrownBy(() -> assertThat((Sequencer) null).hasNothingPending())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void aDescriptionGivenWithAsComesFirst(Sequencer sequencer) {
        assertThatThrownBy(() -> assertThat(sequencer).as("after the seed").hasCompleted(SeedAccounts.NAME))
                .hasMessageStartingWith("[after the seed] Expected operation " + SeedAccounts.NAME);
    }
}
