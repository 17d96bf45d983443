package dev.sequencer.internal.registry;

import dev.sequencer.ConfigurationException;
import dev.sequencer.OperationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the generated registries listed in {@code META-INF/services/dev.sequencer.OperationRegistry}, and refuses a
 * registry class that the class path holds more than once: two compilations that generated
 * {@code GeneratedSequencer} in the same package (two modules, or main and test sources) would otherwise shadow each
 * other silently, since a class loader finds only the first and {@link ServiceLoader} lists a class name once.
 */
public final class RegistryDiscovery {

    private RegistryDiscovery() {}

    /** The registries on {@code classLoader}'s class path, in its order. */
    public static List<OperationRegistry> discover(ClassLoader classLoader) {
        List<OperationRegistry> registries = new ArrayList<>();
        for (OperationRegistry registry : ServiceLoader.load(OperationRegistry.class, classLoader)) {
            requireSingleLocation(classLoader, registry.getClass().getName());
            registries.add(registry);
        }
        return registries;
    }

    private static void requireSingleLocation(ClassLoader classLoader, String className) {
        List<URL> locations;
        try {
            locations = Collections.list(classLoader.getResources(className.replace('.', '/') + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look up " + className + " on the class path", e);
        }
        if (locations.size() > 1) {
            throw new ConfigurationException(
                    "registry",
                    "The registry " + className + " is on the class path " + locations.size() + " times: "
                            + locations.stream().map(URL::toString).collect(Collectors.joining(" and "))
                            + ". Two compilations generated it in the same package, and only the first would be"
                            + " used; give each its own package with the processor option -Asequencer.package=...");
        }
    }
}
