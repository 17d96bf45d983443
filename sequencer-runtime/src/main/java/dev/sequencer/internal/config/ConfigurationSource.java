package dev.sequencer.internal.config;

import dev.sequencer.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code sequencer.*} settings, highest precedence first: system properties, then {@code SEQUENCER_*}
 * environment variables (dots and dashes become underscores, upper case), then {@code sequencer.properties} on the
 * class path. Unknown {@code SEQUENCER_*} variables are logged with the closest known name.
 */
public final class ConfigurationSource {

    static final String PREFIX = "sequencer.";
    static final String ENVIRONMENT_PREFIX = "SEQUENCER_";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationSource.class);
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
        // environment name, add the keys of SettingKeys, and pass Flyway's own variables through (SEQUENCER_FLYWAY_*).
        Map<String, String> byEnvName = new TreeMap<>();
        for (String key : merged.keySet()) {
            byEnvName.put(environmentName(key), key);
        }
        for (String key : SettingKeys.ALL) {
            byEnvName.putIfAbsent(environmentName(key), key);
        }
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String variable = e.getKey();
            if (!variable.startsWith(ENVIRONMENT_PREFIX)) {
                continue;
            }
            String key = byEnvName.get(variable);
            if (key == null && variable.startsWith(FlywayKeys.ENVIRONMENT_PREFIX)) {
                key = FlywayKeys.fromEnvironment(variable);
            }
            if (key != null) {
                merged.put(key, e.getValue().trim());
            } else if (!variable.startsWith(environmentName(SettingKeys.TEST_PREFIX))) {
                warnUnknown(variable, byEnvName);
            }
        }
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                merged.put(key, system.getProperty(key).trim());
            }
        }
        return merged;
    }

    private static void warnUnknown(String variable, Map<String, String> byEnvName) {
        List<String> known = new ArrayList<>(byEnvName.keySet());
        if (variable.startsWith(FlywayKeys.ENVIRONMENT_PREFIX)) {
            known.addAll(FlywayKeys.environmentNames());
        }
        String suggestion = ClosestKey.among(variable, known)
                .map(v -> "; did you mean " + v + (byEnvName.containsKey(v) ? " (" + byEnvName.get(v) + ")" : "") + "?")
                .orElse("");
        LOG.warn("Unknown environment variable {} is ignored{}", variable, suggestion);
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
