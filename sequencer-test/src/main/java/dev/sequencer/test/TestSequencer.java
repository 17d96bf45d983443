package dev.sequencer.test;

import dev.sequencer.Sequencer;

/**
 * What one test method runs on: its database and a Sequencer over it. Kept in the test's extension store, so JUnit
 * closes it after the test: the Sequencer first, then the database is dropped.
 */
record TestSequencer(Sequencer sequencer, TestDatabase database) implements AutoCloseable {

    @Override
    public void close() {
        try {
            sequencer.close();
        } finally {
            database.close();
        }
    }
}
