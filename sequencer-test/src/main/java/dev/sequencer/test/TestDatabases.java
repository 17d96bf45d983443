package dev.sequencer.test;

import java.util.UUID;

/** Creates the database of one test. */
final class TestDatabases {

    private TestDatabases() {}

    /** A new, empty in-memory H2 database with a name of its own. */
    static TestDatabase create() {
        return new H2MemoryDatabase("sequencer_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }
}
