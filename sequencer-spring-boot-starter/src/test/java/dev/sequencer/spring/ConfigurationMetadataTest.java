package dev.sequencer.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequencer.internal.config.SettingKeys;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The IDE metadata that the build generates: every key of the library and the starter, described, with defaults. */
class ConfigurationMetadataTest {

    @Test
    void everySequencerKeyIsDescribedAndTheDefaultsAreShown() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        JsonNode metadata = read();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asString(), p));

        for (String key : SettingKeys.ALL) {
            assertThat(properties).as("metadata of " + key).containsKey(key);
            assertThat(properties.get(key).get("description").asString())
                    .as(key)
                    .isNotBlank();
        }
        for (String key : UnknownKeys.STARTER_KEYS) {
            assertThat(properties).as("metadata of " + key).containsKey(key);
        }
        assertThat(properties.get("sequencer.strategy").get("defaultValue").asString())
                .isEqualTo("command");
        assertThat(properties.get("sequencer.lock.timeout").get("defaultValue").asString())
                .isEqualTo("60s");
        assertThat(properties
                        .get("sequencer.process-on-startup")
                        .get("defaultValue")
                        .asBoolean())
                .isFalse();
        assertThat(metadata.get("hints").findValuesAsString("name")).contains("sequencer.strategy");
    }

    private static JsonNode read() throws IOException {
        try (InputStream in =
                ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in)
                    .as("META-INF/spring-configuration-metadata.json on the class path")
                    .isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
