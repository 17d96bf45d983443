package dev.sequencer.internal.config;

import dev.sequencer.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads {@code sequencer.*} settings, highest precedence first: system properties, then {@code SEQUENCER_*}
 * environment variables (dots and dashes become underscores, upper case), then {@code sequencer.properties} on the
 * class path.
 */
public final class ConfigurationSource {

    static final String PREFIX = "sequencer.";
    static final String FILE = "sequencer.properties";

    private ConfigurationSource() {}

    /** All {@code sequencer.*} keys visible from the three sources, merged by precedence. */
    public static Map<String, String> load(ClassLoader classLoader) {
        return merge(readFile(classLoader), System.getenv(), System.getProperties());
    }

    static Map<String, String> merge(Properties file, Map<String, String> environment, Properties system) {
        Map<String, String> merged = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                merged.put(key, file.getProperty(key).trim());
            }
        }
        // Environment variables cannot tell dots from dashes, so they override the keys already known by their
        // environment name, and add the known keys of SettingsKeys that are not in the file.
        Map<String, String> byEnvName = new TreeMap<>();
        for (String key : merged.keySet()) {
            byEnvName.put(environmentName(key), key);
        }
        for (String key : SettingKeys.ALL) {
            byEnvName.putIfAbsent(environmentName(key), key);
        }
        for (Map.Entry<String, String> e : environment.entrySet()) {
            String key = byEnvName.get(e.getKey());
            if (key != null) {
                merged.put(key, e.getValue().trim());
            }
        }
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                merged.put(key, system.getProperty(key).trim());
            }
        }
        return merged;
    }

    /** {@code sequencer.lock.timeout} becomes {@code SEQUENCER_LOCK_TIMEOUT}. */
    static String environmentName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Properties readFile(ClassLoader classLoader) {
        Properties properties = new Properties();
        try (InputStream in = classLoader.getResourceAsStream(FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE + " from the class path", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(FILE, "Cannot read " + FILE + ": " + e.getMessage());
        }
        return properties;
    }
}
