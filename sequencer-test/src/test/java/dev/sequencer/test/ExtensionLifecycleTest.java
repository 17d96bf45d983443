package dev.sequencer.test;

import static dev.sequencer.test.Sql.count;
import static dev.sequencer.test.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.sequencer.Sequencer;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension's life cycle, seen from outside: small test classes (the {@link Scenario}s below) run through JUnit's
 * engine test kit, in whichever database mode this test runs.
 */
class ExtensionLifecycleTest {

    @Test
    void eachTestMethodGetsAnEmptyDatabaseThatIsDroppedAfterIt() throws SQLException {
        TwoTestsScenario.dataSources.clear();

        run(TwoTestsScenario.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        List<DataSource> used = TwoTestsScenario.dataSources;
        assertThat(used).hasSize(2).doesNotHaveDuplicates();
        for (DataSource db : used) {
            assertThatThrownBy(() -> count(db, "select count(*) from accounts"))
                    .as("the accounts table of %s, after its test", db)
                    .isInstanceOf(SQLException.class);
            if (db instanceof JdbcDataSource h2) { // reconnecting made a new, empty H2 database: close it again
                execute(h2, "shutdown");
            }
        }
    }

    @Test
    void theExtensionWorksWithoutTheAnnotationToo() {
        run(ExtendWithScenario.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aParameterOutsideATestMethodIsRefusedSayingWhereItBelongs() {
        assertThat(failureOf(BeforeAllParameterScenario.class))
                .hasMessageContaining("@SequencerTest gives each test method its own database, so a Sequencer"
                        + " parameter belongs on a @Test, @BeforeEach or @AfterEach method, not on")
                .hasMessageContaining("beforeAll");
    }

    @Test
    void aPropertyWithoutAValueIsRefusedNamingTheClass() {
        assertThat(failureOf(MalformedPropertyScenario.class))
                .hasMessage("@SequencerTest(properties) of " + MalformedPropertyScenario.class.getName()
                        + " has 'sequencer.strategy migration': write each property as key=value, for example"
                        + " \"sequencer.strategy=migration\"");
    }

    @Test
    void aServerUrlOfAnotherDatabaseIsRefusedWithoutShowingItsCredentials() {
        Throwable failure = engine(TwoTestsScenario.class)
                .configurationParameter(TestDatabases.URL_KEY, "jdbc:oracle:thin:scott/tiger@db:1521:orcl")
                .execute()
                .testEvents()
                .failed()
                .stream()
                .findFirst()
                .flatMap(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable())
                .orElseThrow();

        assertThat(failure)
                .hasMessageStartingWith("sequencer.test.url must be a PostgreSQL, MariaDB or MySQL JDBC URL")
                .hasMessageNotContaining("tiger");
    }

    private static Events run(Class<?> scenario) {
        return engine(scenario).execute().testEvents();
    }

    private static EngineTestKit.Builder engine(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(scenario))
                .configurationParameter(Scenario.PARAMETER, "true");
    }

    /** The failure of the scenario's one test, or of its class when no test ran. */
    private static Throwable failureOf(Class<?> scenario) {
        return engine(scenario).execute().allEvents().failed().stream()
                .findFirst()
                .flatMap(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable())
                .orElseThrow(() -> new AssertionError(scenario.getSimpleName() + " did not fail"));
    }

    @Scenario
    @SequencerTest
    static class TwoTestsScenario {
        static final List<DataSource> dataSources = new CopyOnWriteArrayList<>();

        @Test
        void one(DataSource db) throws SQLException {
            useAndRecord(db);
        }

        @Test
        void two(DataSource db) throws SQLException {
            useAndRecord(db);
        }

        private static void useAndRecord(DataSource db) throws SQLException {
            dataSources.add(db);
            assertThat(count(db, "select count(*) from accounts")).isZero();
            execute(db, "insert into accounts (id, email, plan) values (1, 'one@example.com', 'free')");
        }
    }

    @Scenario
    @ExtendWith(SequencerExtension.class)
    static class ExtendWithScenario {
        @Test
        void migratedWithTheDefaults(Sequencer sequencer, DataSource db) throws SQLException {
            assertThat(sequencer.strategy().name()).isEqualTo("command");
            assertThat(count(db, "select count(*) from accounts")).isZero();
        }
    }

    @Scenario
    @SequencerTest
    static class BeforeAllParameterScenario {
        @BeforeAll
        static void beforeAll(Sequencer sequencer) {}

        @Test
        void test() {}
    }

    @Scenario
    @SequencerTest(properties = "sequencer.strategy migration")
    static class MalformedPropertyScenario {
        @Test
        void test() {}
    }
}
