package dev.sequencer.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.ConfigurationException;
import dev.sequencer.Sequencer;
import dev.sequencer.support.EmptyRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two compilations that generated the registry in the same package, both on the class path, are an error at start
 * naming both places: a class loader would silently use the first and shadow the other's operations.
 */
class RegistryDiscoveryTest {

    private static final String CLASS_FILE = EmptyRegistry.class.getName().replace('.', '/') + ".class";

    @TempDir
    Path output;

    /** {@code output} as another compilation's output: a service file naming the registry, and its class file. */
    private URLClassLoader withSecondOutput(boolean withClassFile) throws IOException {
        Path services = output.resolve("META-INF/services/dev.sequencer.OperationRegistry");
        Files.createDirectories(services.getParent());
        Files.writeString(services, EmptyRegistry.class.getName() + "\n");
        if (withClassFile) {
            Path copy = output.resolve(CLASS_FILE);
            Files.createDirectories(copy.getParent());
            try (InputStream in = EmptyRegistry.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
                Files.write(copy, in.readAllBytes());
            }
        }
        return new URLClassLoader(new URL[] {output.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void registryClassOnTheClassPathTwiceIsAnErrorNamingBothPlaces() throws IOException {
        try (URLClassLoader loader = withSecondOutput(true)) {
            ConfigurationException e = assertThrows(
                    ConfigurationException.class,
                    () -> Sequencer.configure().classLoader(loader).discoverRegistries());

            assertEquals("registry", e.key());
            URL first = EmptyRegistry.class.getClassLoader().getResource(CLASS_FILE);
            URL second = output.resolve(CLASS_FILE).toUri().toURL();
            assertTrue(e.getMessage().contains(first.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(second.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("-Asequencer.package"), e.getMessage());
        }
    }

    @Test
    void registryClassOnTheClassPathOnceIsDiscovered() throws IOException {
        try (URLClassLoader loader = withSecondOutput(false)) {
            Sequencer.configure().classLoader(loader).discoverRegistries();
        }
    }
}
