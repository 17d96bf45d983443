package dev.sequencer.spring;

import dev.sequencer.internal.config.ClosestKey;
import dev.sequencer.internal.config.SettingKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Finds {@code sequencer.*} keys that Sequencer does not know, in every property source of the environment (files,
 * system properties, environment variables), so that a typo such as {@code sequencer.stratgy} fails the start-up
 * instead of being ignored. {@code sequencer.flyway.*} passes through to Flyway and {@code sequencer.test.*} belongs to
 * the test kit.
 */
final class UnknownKeys {

    /** The starter's own keys, besides the library's. */
    static final List<String> STARTER_KEYS = List.of("sequencer.process-on-startup", "sequencer.worker.enabled");

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("sequencer");
    private static final List<String> PASS_THROUGH = List.of("sequencer.flyway.", "sequencer.test.");

    private UnknownKeys() {}

    /**
     * Fails when the environment has a key under {@code sequencer.} that is not one of Sequencer's.
     *
     * @throws SequencerConfigurationException naming the key and the closest known one
     */
    static void check(Environment environment) {
        Map<String, String> known = new TreeMap<>();
        for (String key : allKnown()) {
            known.put(comparable(key), key);
        }
        List<String> unknown = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            iterable.stream()
                    .filter(ROOT::isAncestorOf)
                    .map(ConfigurationPropertyName::toString)
                    .map(UnknownKeys::withoutIndex)
                    .filter(key -> PASS_THROUGH.stream().noneMatch(key::startsWith))
                    .filter(key -> !known.containsKey(comparable(key)))
                    .filter(key -> !unknown.contains(key))
                    .forEach(unknown::add);
        }
        if (unknown.isEmpty()) {
            return;
        }
        String key = unknown.get(0);
        Optional<String> closest = ClosestKey.among(key, allKnown());
        throw new SequencerConfigurationException(
                "Unknown configuration key '" + key + "'"
                        + (unknown.size() > 1 ? " (and " + unknown.subList(1, unknown.size()) + ")" : "")
                        + ": Sequencer does not know it, so its value would be ignored.",
                closest.map(k -> "Did you mean '" + k + "'? Correct the key in your application properties or YAML.")
                        .orElse("Remove it, or use one of the keys listed under sequencer.* in your IDE's completion"
                                + " or in the README's Configuration table: " + allKnown()));
    }

    private static List<String> allKnown() {
        List<String> all = new ArrayList<>(SettingKeys.ALL);
        all.addAll(STARTER_KEYS);
        return all;
    }

    /**
     * A key as relaxed binding compares it: {@code sequencer.tablePrefix}, {@code sequencer.table-prefix} and the
     * environment variable {@code SEQUENCER_TABLE_PREFIX} (seen as {@code sequencer.table.prefix}) are one key.
     */
    private static String comparable(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace(".", "");
    }

    /** {@code sequencer.guard.hostnames[0]} is {@code sequencer.guard.hostnames}. */
    private static String withoutIndex(String key) {
        int bracket = key.indexOf('[');
        return bracket < 0 ? key : key.substring(0, bracket);
    }
}
