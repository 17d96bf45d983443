package dev.sequencer.spring;

import org.springframework.test.context.TestPropertySource;

/** {@link CommandStrategyTests} on an in-memory H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:command-${random.uuid};DB_CLOSE_DELAY=-1")
class CommandStrategyOnH2Test extends CommandStrategyTests {}
