package dev.sequencer.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test method of the class a database of its own and a {@link dev.sequencer.Sequencer} over every
 * registry on the test class path, resolvable as a parameter of type {@code Sequencer} or {@code DataSource} of
 * {@code @Test}, {@code @BeforeEach} and {@code @AfterEach} methods:
 *
 * <pre>{@code
 * @SequencerTest
 * class SeedAdminUserTest {
 *     @Test
 *     void seedsTheAdminOnce(Sequencer sequencer, DataSource db) {
 *         sequencer.process();
 *         SequencerAssertions.assertThat(sequencer).hasCompleted("2024_01_02_000000_seed_admin_user");
 *     }
 * }
 * }</pre>
 *
 * <p>The database is a fresh in-memory H2 database, closed after the test; with {@code sequencer.test.url} set (a
 * JUnit configuration parameter or system property, the environment variable {@code SEQUENCER_TEST_URL}, or one of
 * {@link #properties()}) it is a fresh schema (PostgreSQL) or database (MariaDB, MySQL) on that server, dropped after
 * the test. Before each test the extension calls {@code migrate()}, as an application's start-up does (see
 * {@link #migrate()}). Nothing is shared between test methods, so they may run in parallel.
 *
 * <p>Configuration is read as the application reads it (system properties {@code sequencer.*}, environment variables
 * {@code SEQUENCER_*}, {@code sequencer.properties} on the class path), then {@link #properties()} override it; the
 * database is always the test's own. On a {@code @Nested} class, its properties add to those of the enclosing
 * classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SequencerExtension.class)
public @interface SequencerTest {

    /**
     * {@return configuration for the tests, {@code key=value} each, for example {@code "sequencer.strategy=migration"}}
     * These win over system properties, environment variables and {@code sequencer.properties}.
     */
    String[] properties() default {};

    /**
     * {@return whether each test starts with {@code sequencer.migrate()} already called, as at an application's
     * start-up (default)} What that does follows the strategy: under {@code command} the schema is migrated and every operation
     * is still pending, so the test can add data and then call {@code process()}; under {@code migration} the
     * operations have run interleaved with the migrations, as they would have when the application started. With
     * {@code false} the test starts from an empty database and calls {@code migrate()} or {@code process()} itself.
     */
    boolean migrate() default true;
}
