package dev.sequencer.test;

import javax.sql.DataSource;

/** The database of one test method: created empty, dropped by {@link #close()}. */
interface TestDatabase extends AutoCloseable {

    /** Connections to this test's database, and to nothing else. */
    DataSource dataSource();

    /** What it is, for messages: for example {@code PostgreSQL schema sequencer_test_1f3a...}. */
    String description();

    /** Drops the database (or schema) and everything in it. */
    @Override
    void close();
}
