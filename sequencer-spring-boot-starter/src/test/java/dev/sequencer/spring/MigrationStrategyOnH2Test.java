package dev.sequencer.spring;

import org.springframework.test.context.TestPropertySource;

/** {@link MigrationStrategyTests} on an in-memory H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:migration-${random.uuid};DB_CLOSE_DELAY=-1")
class MigrationStrategyOnH2Test extends MigrationStrategyTests {}
