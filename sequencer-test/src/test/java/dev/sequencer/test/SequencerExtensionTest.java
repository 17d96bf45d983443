package dev.sequencer.test;

import static dev.sequencer.test.SequencerAssertions.assertThat;
import static dev.sequencer.test.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.Sequencer;
import dev.sequencer.test.fixture.ArchiveDormantAccounts;
import dev.sequencer.test.fixture.GeneratedSequencer;
import dev.sequencer.test.fixture.OperationNames;
import dev.sequencer.test.fixture.SendWelcomeMails;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a test class annotated @SequencerTest gets, under the default command strategy. */
@SequencerTest
class SequencerExtensionTest {

    private Sequencer sequencerOfBeforeEach;

    @BeforeEach
    void keep(Sequencer sequencer) {
        sequencerOfBeforeEach = sequencer;
    }

    @Test
    void theSequencerRunsOnTheInjectedDataSourceAndIsTheOneBeforeEachMethodsGet(Sequencer sequencer, DataSource db) {
        assertThat(sequencer.dataSource()).isSameAs(db);
        assertThat(sequencerOfBeforeEach).isSameAs(sequencer);
    }

    @Test
    void theSequencerHasEveryRegistryOnTheTestClassPath(Sequencer sequencer) {
        assertThat(sequencer.registry())
                .extracting(OperationDescriptor::name)
                .containsExactlyElementsOf(OperationNames.all());
        assertThat(sequencer.registry()).containsExactlyElementsOf(GeneratedSequencer.registry());
    }

    @Test
    void underTheCommandStrategyTheTestStartsMigratedWithEveryOperationPending(Sequencer sequencer, DataSource db)
            throws SQLException {
        assertThat(count(db, "select count(*) from accounts")).isZero();
        assertThat(sequencer).hasPending(OperationNames.all().toArray(String[]::new));
    }

    @Test
    void processRunsTheOperationsOnTheTestsDatabase(Sequencer sequencer, DataSource db) throws SQLException {
        sequencer.process();

        assertThat(sequencer)
                .hasCompleted(OperationNames.completedByProcess())
                .hasSkipped(ArchiveDormantAccounts.NAME)
                .hasDispatched(SendWelcomeMails.NAME)
                .hasNothingPending();
        assertThat(count(db, "select count(*) from accounts")).isEqualTo(3);
        assertThat(count(db, "select count(*) from accounts where plan = 'legacy'"))
                .isZero();
        assertThat(count(db, "select count(*) from steps")).isEqualTo(15);
    }
}
