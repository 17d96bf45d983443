package dev.sequencer.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * For each package with operations, a resource {@code META-INF/sequencer/packages/<package>.operations} listing the
 * operation classes of that package a registry holds, one qualified name a line. A compilation that depends on an
 * operation of another module finds its package's listing on the class path; without one, that module was compiled
 * without the processor and no registry will ever run the operation.
 */
final class PackageListing {

    private static final String DIRECTORY = "META-INF/sequencer/packages/";

    private final Filer filer;
    private final Elements elements;

    PackageListing(Filer filer, Elements elements) {
        this.filer = filer;
        this.elements = elements;
    }

    /** Writes the listings of the packages of {@code operations}, generated from {@code originating}. */
    void write(List<OperationModel> operations, Element... originating) throws IOException {
        Map<String, Set<String>> byPackage = new TreeMap<>();
        for (OperationModel model : operations) {
            byPackage
                    .computeIfAbsent(model.handler().name().packageName(), pkg -> new TreeSet<>())
                    .add(model.element().getQualifiedName().toString());
        }
        for (Map.Entry<String, Set<String>> listing : byPackage.entrySet()) {
            FileObject file =
                    filer.createResource(StandardLocation.CLASS_OUTPUT, "", path(listing.getKey()), originating);
            try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : listing.getValue()) {
                    writer.write(name + "\n");
                }
            }
        }
    }

    /**
     * Whether a registry on the class path may hold the class-path operation {@code type}: its package has a listing.
     * A listing that does not name it is no proof of the contrary (a package split across modules has several, and
     * the class path shows only the first), so only a missing listing counts as compiled without the processor.
     */
    boolean isListed(TypeElement type) {
        PackageElement pkg = elements.getPackageOf(type);
        try (InputStream in = filer.getResource(
                        StandardLocation.CLASS_PATH,
                        "",
                        path(pkg.getQualifiedName().toString()))
                .openInputStream()) {
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String path(String packageName) {
        return DIRECTORY + packageName + ".operations";
    }
}
