package dev.sequencer.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The classes of the last registry written into this class output: {@value #PATH} (or, for a registry whose package
 * is given with {@code -Asequencer.package=<package>}, {@code META-INF/sequencer/registry-<package>.index}, so that
 * several compilations into one class output each keep their own registry), one line per class,
 * {@code operation com.example.SeedAdminUser} or {@code deferred com.example.SendReminder}, sorted. A build that
 * recompiles only some sources reads it back to keep the classes it did not recompile (as AutoService keeps the
 * entries of {@code META-INF/services}); the class files stay the truth about each class, the index only names them.
 *
 * @param operations qualified names of the {@code @Operation} classes
 * @param deferred qualified names of the {@code @Deferred} classes
 */
record RegistryIndex(Set<String> operations, Set<String> deferred) {

    static final String PATH = "META-INF/sequencer/registry.index";

    private static final String OPERATION = "operation ";
    private static final String DEFERRED = "deferred ";

    RegistryIndex {
        operations = Set.copyOf(operations);
        deferred = Set.copyOf(deferred);
    }

    /** Where the index of a registry lives: per package when {@code packageOption} (may be null) names it. */
    static String path(String packageOption) {
        return packageOption == null ? PATH : "META-INF/sequencer/registry-" + packageOption + ".index";
    }

    /**
     * The index in the class output for {@code packageOption} (may be null), or an empty one when there is none (a
     * clean build) or it cannot be read.
     */
    static RegistryIndex read(Filer filer, String packageOption) {
        Set<String> operations = new TreeSet<>();
        Set<String> deferred = new TreeSet<>();
        try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path(packageOption))
                .openInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(OPERATION)) {
                    operations.add(line.substring(OPERATION.length()).strip());
                } else if (line.startsWith(DEFERRED)) {
                    deferred.add(line.substring(DEFERRED.length()).strip());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // no index yet (a clean build), or a class output the Filer cannot read from: nothing to carry over
        }
        return new RegistryIndex(operations, deferred);
    }

    /** Writes this index for {@code packageOption} (may be null) into the class output, generated from {@code originating}. */
    void write(Filer filer, String packageOption, Element... originating) throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path(packageOption), originating);
        try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
            writer.write("# The classes of the last GeneratedSequencer written here; read back by builds that\n");
            writer.write("# recompile only some sources. Written by the Sequencer annotation processor.\n");
            for (String name : new TreeSet<>(operations)) {
                writer.write(OPERATION + name + "\n");
            }
            for (String name : new TreeSet<>(deferred)) {
                writer.write(DEFERRED + name + "\n");
            }
        }
    }
}
