package dev.sequencer.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void flywayKeysPassThroughWithoutTheirPrefix() {
        SequencerSettings s = SequencerSettings.from(Map.of(
                "sequencer.flyway.locations", "classpath:a,classpath:b",
                "sequencer.flyway.baseline-on-migrate", "true"));

        assertEquals(java.util.List.of("classpath:a", "classpath:b"), s.flywayLocations());
        assertEquals(Map.of("flyway.baseline-on-migrate", "true"), s.flywayProperties());
    }
}
