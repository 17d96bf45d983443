package dev.sequencer.cli;

/** The operations and migrations of the test fixtures ({@code dev.sequencer.cli.fixture}, {@code db/migration}). */
final class FixtureNames {

    static final String CREATE_ITEMS = "V20240101000000 create items";
    static final String CREATE_NOTES = "V20240103000000 create notes";
    static final String INSERT_ITEMS = "2024_01_02_000000_insert_items";
    static final String WRITE_NOTE = "2024_01_04_000000_write_note";
    static final String SKIP_ARCHIVE = "2024_01_05_000000_skip_archive";
    static final String SEND_MAIL = "2024_01_06_000000_send_welcome_mail";
    static final String BACKFILL = "2024_01_07_000000_backfill_scores";
    static final String REINDEX = "2024_01_08_000000_rebuild_search_index";

    private FixtureNames() {}
}
