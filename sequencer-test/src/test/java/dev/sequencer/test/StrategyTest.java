package dev.sequencer.test;

import static dev.sequencer.test.SequencerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import dev.sequencer.test.fixture.ArchiveDormantAccounts;
import dev.sequencer.test.fixture.OperationNames;
import dev.sequencer.test.fixture.SeedAccounts;
import dev.sequencer.test.fixture.SendWelcomeMails;
import dev.sequencer.test.fixture.VerifyAccountEmails;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** @SequencerTest(properties) under the migration strategy; nested classes add properties and may skip migrate(). */
@SequencerTest(properties = "sequencer.strategy=migration")
class StrategyTest {

    @Test
    void underTheMigrationStrategyTheOperationsRanWhenTheTestStarted(Sequencer sequencer) {
        assertThat(sequencer.strategy().name()).isEqualTo("migration");
        assertThat(sequencer)
                .hasCompleted(OperationNames.completedByProcess())
                .hasSkipped(ArchiveDormantAccounts.NAME)
                .hasDispatched(SendWelcomeMails.NAME)
                .hasNothingPending();
    }

    @Nested
    @SequencerTest(properties = "sequencer.migration.force-sync=true")
    class WithForceSync {

        @Test
        void theNestedClassesPropertiesAddToTheEnclosingOnes(Sequencer sequencer) {
            assertThat(sequencer.strategy().name()).isEqualTo("migration");
            assertThat(sequencer).hasCompleted(SendWelcomeMails.NAME);
        }
    }

    @Nested
    @SequencerTest(migrate = false)
    class WithoutMigrate {

        @Test
        void theTestStartsFromAnEmptyDatabaseAndMigratesItself(Sequencer sequencer, DataSource db) {
            assertThatThrownBy(() -> Sql.count(db, "select count(*) from accounts"))
                    .isInstanceOf(SQLException.class);
            assertThat(sequencer).hasPending(SeedAccounts.NAME);

            RunReport report = sequencer.migrate();

            assertThat(report.steps())
                    .extracting(RunReport.Step::name)
                    .startsWith("V20240101000000 create accounts", SeedAccounts.NAME)
                    .containsSubsequence(
                            VerifyAccountEmails.NAME, "V20240110000000 create outbox", SendWelcomeMails.NAME);
            assertThat(sequencer).hasCompleted(SeedAccounts.NAME);
        }
    }
}
