package dev.sequencer.bench;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.OperationRegistry;
import dev.sequencer.internal.registry.DescriptorCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * B1's limit: a registry's compact entries (the runtime's own encoding of the generated descriptors) as one entry of a
 * jar, read and decoded as the generated registry decodes its constants, without defining a class.
 */
final class RegistryData {

    private static final String ENTRY = "registry.data";

    /** A source that loads nothing: the limit counts reading and decoding only. */
    private static final IntFunction<OperationDescriptor.Source> NO_SOURCE = index -> new OperationDescriptor.Source() {
        @Override
        public Class<? extends OperationHandler> type() {
            throw new UnsupportedOperationException();
        }

        @Override
        public OperationHandler newInstance() {
            throw new UnsupportedOperationException();
        }
    };

    private RegistryData() {}

    /** A temporary jar (deleted on exit) holding the entries of {@code registry}, opened. */
    static JarFile jarOf(List<OperationDescriptor> registry) throws IOException {
        StringBuilder data = new StringBuilder();
        for (OperationDescriptor descriptor : registry) {
            data.append(DescriptorCodec.encode(descriptor)).append(DescriptorCodec.ENTRY);
        }
        Path jar = Files.createTempFile("b1-registry-data", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(ENTRY));
            out.write(data.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return new JarFile(jar.toFile());
    }

    /** Reads (inflates) the entry and decodes it. */
    static List<OperationDescriptor> read(JarFile jar) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getJarEntry(ENTRY))) {
            return OperationRegistry.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8), NO_SOURCE);
        }
    }
}
