package dev.sequencer.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.internal.config.SequencerSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The properties class against the library: same defaults, same keys. */
class SequencerPropertiesTest {

    @Test
    void theDefaultsShownToTheIdeAreTheLibrarys() {
        Map<String, String> keys = RuntimeProperties.of(new SequencerProperties(), new Binder());

        assertThat(SequencerSettings.from(keys)).isEqualTo(SequencerSettings.defaults());
    }

    @Test
    void relaxedNamesReachTheLibraryUnderItsOwnKeys() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "sequencer.lock.timeout", "5s",
                "sequencer.migration.runOnNoPendingMigrations", "false",
                "sequencer.guard.hostnames[0]", "web-1",
                "sequencer.guard.hostnames[1]", "web-2",
                "sequencer.orchestrator", "parallel",
                "sequencer.orchestrator.threads", "8",
                "sequencer.flyway.baseline-on-migrate", "true")));
        SequencerProperties properties =
                binder.bind("sequencer", SequencerProperties.class).get();

        SequencerSettings settings = SequencerSettings.from(RuntimeProperties.of(properties, binder));

        assertThat(settings.lockTimeout()).hasSeconds(5);
        assertThat(settings.runOnNoPendingMigrations()).isFalse();
        assertThat(settings.guardHostnames()).containsExactly("web-1", "web-2");
        assertThat(settings.orchestrator()).isEqualTo("parallel");
        assertThat(settings.orchestratorThreads()).isEqualTo(8);
        assertThat(settings.flywayProperties()).containsEntry("flyway.baselineOnMigrate", "true");
    }
}
