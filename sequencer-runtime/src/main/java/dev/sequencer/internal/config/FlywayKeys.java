package dev.sequencer.internal.config;

import dev.sequencer.ConfigurationException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.configuration.ConfigUtils;

/**
 * The {@code sequencer.flyway.*} pass-through: Flyway's own property names ({@code sequencer.flyway.baselineOnMigrate}
 * is {@code flyway.baselineOnMigrate}; dashed names such as {@code baseline-on-migrate} are accepted too), and Flyway's
 * own environment variable names behind {@code SEQUENCER_} ({@code SEQUENCER_FLYWAY_BASELINE_ON_MIGRATE} is
 * {@code FLYWAY_BASELINE_ON_MIGRATE}).
 */
final class FlywayKeys {

    static final String ENVIRONMENT_PREFIX = "SEQUENCER_FLYWAY_";

    private FlywayKeys() {}

    /**
     * The {@code sequencer.flyway.*} key of environment variable {@code SEQUENCER_FLYWAY_...}, as Flyway maps its own
     * {@code FLYWAY_...} variables, or {@code null} when Flyway knows no such variable.
     */
    static String fromEnvironment(String variable) {
        String flyway = ConfigUtils.convertKey(variable.substring("SEQUENCER_".length()));
        return flyway == null ? null : "sequencer." + flyway;
    }

    /** The environment variables that {@link #fromEnvironment} knows, for suggestions when one is mistyped. */
    static List<String> environmentNames() {
        List<String> names = new ArrayList<>();
        for (Field f : ConfigUtils.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    String key = (String) f.get(null);
                    if (key.startsWith("flyway.") && key.indexOf('.', "flyway.".length()) < 0) {
                        names.add("SEQUENCER_" + snake(key));
                    }
                } catch (IllegalAccessException e) {
                    // not readable: no suggestion from it
                }
            }
        }
        return names;
    }

    /**
     * The Flyway property of a {@code sequencer.flyway.*} key: {@code flyway.} and the rest, its first part in camel
     * case ({@code baseline-on-migrate} becomes {@code baselineOnMigrate}; {@code placeholders.my-key} keeps its key).
     */
    static String toFlyway(String key) {
        String rest = key.substring(SettingKeys.FLYWAY_PREFIX.length());
        int dot = rest.indexOf('.');
        String head = dot < 0 ? rest : rest.substring(0, dot);
        String tail = dot < 0 ? "" : rest.substring(dot);
        return "flyway." + camel(head) + tail;
    }

    /**
     * Checks that Flyway knows every property of {@code flyway} (keys {@code flyway.*}).
     *
     * @throws ConfigurationException naming the {@code sequencer.flyway.*} key Flyway does not know
     */
    static void check(Map<String, String> flyway, Map<String, String> sequencerKeyOf) {
        if (flyway.isEmpty()) {
            return;
        }
        try {
            Flyway.configure().configuration(flyway);
        } catch (FlywayException e) {
            String bad = flyway.keySet().stream()
                    .filter(k -> e.getMessage() != null && e.getMessage().contains(k))
                    .findFirst()
                    .orElse(null);
            String key = bad == null ? SettingKeys.FLYWAY_PREFIX + "*" : sequencerKeyOf.get(bad);
            throw new ConfigurationException(
                    key,
                    key + " is not accepted by Flyway: " + e.getMessage()
                            + " (sequencer.flyway.* keys are Flyway's own settings, for example"
                            + " sequencer.flyway.baselineOnMigrate=true)");
        }
    }

    private static String camel(String dashed) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : dashed.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String snake(String flywayKey) {
        StringBuilder out = new StringBuilder();
        for (char ch : flywayKey.toCharArray()) {
            if (ch == '.') {
                out.append('_');
            } else if (Character.isUpperCase(ch)) {
                out.append('_').append(ch);
            } else {
                out.append(Character.toUpperCase(ch));
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
