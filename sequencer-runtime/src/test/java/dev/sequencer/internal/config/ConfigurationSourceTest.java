package dev.sequencer.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.LogCapture;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigurationSourceTest {

    @Test
    void systemPropertiesBeatEnvironmentWhichBeatsTheFile() {
        Properties file = new Properties();
        file.setProperty("sequencer.url", "jdbc:file");
        file.setProperty("sequencer.lock.timeout", "5s");
        file.setProperty("sequencer.strategy", "command");
        file.setProperty("unrelated.key", "ignored");
        Properties system = new Properties();
        system.setProperty("sequencer.url", "jdbc:system");
        Map<String, String> env = Map.of(
                "SEQUENCER_URL", "jdbc:env",
                "SEQUENCER_LOCK_TIMEOUT", "7s",
                "SEQUENCER_MIGRATION_RUN_ON_NO_PENDING_MIGRATIONS", "false",
                "PATH", "/bin");

        Map<String, String> merged = ConfigurationSource.merge(file, env, system);

        assertEquals("jdbc:system", merged.get("sequencer.url"));
        assertEquals("7s", merged.get("sequencer.lock.timeout"));
        assertEquals("command", merged.get("sequencer.strategy"));
        assertEquals("false", merged.get("sequencer.migration.run-on-no-pending-migrations"));
        assertEquals(null, merged.get("unrelated.key"));
    }

    @Test
    void environmentNamesReplaceDotsAndDashes() {
        assertEquals("SEQUENCER_TABLE_PREFIX", ConfigurationSource.environmentName("sequencer.table-prefix"));
    }

    @Test
    void durationsAcceptShortAndIsoForms() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("PT30S"));
    }

    @Test
    void flywayKeysPassThroughWithoutTheirPrefixUnderFlywaysOwnNames() {
        SequencerSettings s = SequencerSettings.from(Map.of(
                "sequencer.flyway.locations", "classpath:a,classpath:b",
                "sequencer.flyway.baseline-on-migrate", "true"));

        assertEquals(java.util.List.of("classpath:a", "classpath:b"), s.flywayLocations());
        assertEquals(
                Map.of("flyway.baselineOnMigrate", "true"),
                s.flywayProperties(),
                "Flyway knows baselineOnMigrate only: a dashed name is turned into Flyway's");
    }

    @Test
    void flywaySettingsPassThroughFromTheEnvironmentUnderFlywaysOwnVariableNames() {
        Map<String, String> env = Map.of(
                "SEQUENCER_FLYWAY_TARGET", "2",
                "SEQUENCER_FLYWAY_BASELINE_ON_MIGRATE", "true",
                "SEQUENCER_FLYWAY_PLACEHOLDERS_OWNER", "ada",
                "SEQUENCER_FLYWAY_LOCATIONS", "classpath:env");

        Map<String, String> merged = ConfigurationSource.merge(new Properties(), env, new Properties());

        assertEquals("2", merged.get("sequencer.flyway.target"));
        assertEquals("true", merged.get("sequencer.flyway.baselineOnMigrate"));
        assertEquals("ada", merged.get("sequencer.flyway.placeholders.owner"));
        assertEquals("classpath:env", merged.get("sequencer.flyway.locations"));
        assertEquals(
                Map.of("flyway.target", "2", "flyway.baselineOnMigrate", "true", "flyway.placeholders.owner", "ada"),
                SequencerSettings.from(merged).flywayProperties());
    }

    @Test
    void unknownSequencerEnvironmentVariablesAreReportedWithTheClosestKey() {
        Map<String, String> env = Map.of(
                "SEQUENCER_LOCK_TIMOUT", "5s",
                "SEQUENCER_FLYWAY_TARGIT", "3",
                "SEQUENCER_TEST_POSTGRES_URL", "jdbc:postgresql://localhost/test",
                "SEQUENCERX", "unrelated");

        String log;
        try (LogCapture capture = new LogCapture()) {
            ConfigurationSource.merge(new Properties(), env, new Properties());
            log = capture.text();
        }

        assertTrue(log.contains("SEQUENCER_LOCK_TIMOUT") && log.contains("SEQUENCER_LOCK_TIMEOUT"), log);
        assertTrue(log.contains("sequencer.lock.timeout"), log);
        assertTrue(log.contains("SEQUENCER_FLYWAY_TARGIT") && log.contains("SEQUENCER_FLYWAY_TARGET"), log);
        assertFalse(log.contains("SEQUENCER_TEST_POSTGRES_URL"), "the test kit's own keys are not typos: " + log);
        assertFalse(log.contains("SEQUENCERX"), log);
    }

    @Test
    void unknownPropertiesNameTheClosestKey() {
        String log;
        try (LogCapture capture = new LogCapture()) {
            SequencerSettings.from(Map.of("sequencer.lock.timout", "5s", "sequencer.test.url", "jdbc:h2:mem:x"));
            log = capture.text();
        }

        assertTrue(log.contains("sequencer.lock.timout") && log.contains("did you mean sequencer.lock.timeout"), log);
        assertFalse(log.contains("sequencer.test.url"), log);
    }
}
