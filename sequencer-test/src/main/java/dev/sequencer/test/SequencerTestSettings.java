package dev.sequencer.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What the {@link SequencerTest} annotations of a test class say: the properties of the enclosing classes first,
 * then the class's own (later ones win), and {@code migrate} of the innermost annotation. Without an annotation (the
 * extension registered with {@code @ExtendWith} alone): no properties, migrate.
 *
 * @param properties configuration keys and values, in the order given
 * @param migrate whether each test starts with {@code migrate()} called
 */
record SequencerTestSettings(Map<String, String> properties, boolean migrate) {

    SequencerTestSettings {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    static SequencerTestSettings of(ExtensionContext context) {
        List<Class<?>> classes = new ArrayList<>(context.getEnclosingTestClasses());
        context.getTestClass().ifPresent(classes::add);
        Map<String, String> properties = new LinkedHashMap<>();
        boolean migrate = true;
        for (Class<?> type : classes) {
            Optional<SequencerTest> annotation = AnnotationSupport.findAnnotation(type, SequencerTest.class);
            if (annotation.isPresent()) {
                properties.putAll(parse(annotation.get().properties(), type));
                migrate = annotation.get().migrate();
            }
        }
        return new SequencerTestSettings(properties, migrate);
    }

    /** Parses {@code key=value} entries; a key without {@code =} is an error naming the class. */
    static Map<String, String> parse(String[] entries, Class<?> declaredOn) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || entry.substring(0, equals).isBlank()) {
                throw new ExtensionConfigurationException("@SequencerTest(properties) of " + declaredOn.getName()
                        + " has '" + entry + "': write each property as key=value, for example"
                        + " \"sequencer.strategy=migration\"");
            }
            properties.put(
                    entry.substring(0, equals).trim(),
                    entry.substring(equals + 1).trim());
        }
        return properties;
    }
}
