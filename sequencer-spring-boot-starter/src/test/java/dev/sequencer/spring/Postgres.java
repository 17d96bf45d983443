package dev.sequencer.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server of the database suites: {@code sequencer.test.postgres.url} (system property) or
 * {@code SEQUENCER_TEST_POSTGRES_URL}; tests on it are skipped when neither is set. Each test context gets a schema of
 * its own, dropped afterwards.
 */
final class Postgres {

    private Postgres() {}

    static String url() {
        String url = System.getProperty("sequencer.test.postgres.url", "");
        if (url.isBlank() || url.startsWith("${")) {
            url = System.getenv().getOrDefault("SEQUENCER_TEST_POSTGRES_URL", "");
        }
        return url;
    }

    /** For {@code @EnabledIf}. */
    static boolean configured() {
        return !url().isBlank();
    }

    /** A schema of one test class: created when its context asks for the URL, dropped after the class. */
    static final class Schema {
        private String url;

        /** Registers {@code spring.datasource.url}, for a {@code @DynamicPropertySource} method. */
        void register(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
        }

        private synchronized String url() {
            if (url == null) {
                url = freshSchemaUrl();
            }
            return url;
        }

        /** For an {@code @AfterAll} method. */
        synchronized void drop() {
            if (url != null) {
                Postgres.drop(url);
            }
        }
    }

    /** Creates a new schema and returns a URL whose connections use it. */
    static String freshSchemaUrl() {
        String schema = "boot_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        execute("create schema " + schema);
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema of a URL made by {@link #freshSchemaUrl()}. */
    static void drop(String schemaUrl) {
        String schema = schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + "currentSchema=".length());
        execute("drop schema if exists " + schema + " cascade");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }
}
