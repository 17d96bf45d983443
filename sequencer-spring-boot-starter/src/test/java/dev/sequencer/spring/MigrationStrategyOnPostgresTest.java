package dev.sequencer.spring;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link MigrationStrategyTests} on PostgreSQL, in a schema of its own; skipped without a PostgreSQL URL. */
@EnabledIf("dev.sequencer.spring.Postgres#configured")
class MigrationStrategyOnPostgresTest extends MigrationStrategyTests {

    private static final Postgres.Schema SCHEMA = new Postgres.Schema();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.drop();
    }
}
