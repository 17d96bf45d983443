package dev.sequencer.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the generated files through the {@link Filer}: the registry source, its {@code META-INF/services} entry and
 * the {@link RegistryIndex} and the {@link PackageListing}s, all carrying every {@code @Operation} and {@code @Deferred} class as originating element (for incremental builds).
 */
final class RegistryFiler {

    static final String SERVICE_FILE = "META-INF/services/dev.sequencer.OperationRegistry";

    private final Filer filer;
    private final PackageListing listing;

    RegistryFiler(Filer filer, PackageListing listing) {
        this.filer = filer;
        this.listing = listing;
    }

    /**
     * Writes the files; {@code packageOption} is {@code -Asequencer.package} (or null), which keys the index;
     * {@code qualified} as in {@link RegistryWriter#write(String, List, List, Set)}.
     */
    void write(
            String packageName,
            String packageOption,
            List<OperationModel> models,
            List<DeferredModel> deferred,
            Set<String> qualified)
            throws IOException {
        JavaFile source = RegistryWriter.write(packageName, models, deferred, qualified);
        source.writeTo(filer);
        Element[] originating = Stream.concat(
                        models.stream().map(OperationModel::element),
                        deferred.stream().map(DeferredModel::element))
                .toArray(Element[]::new);
        FileObject services = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE, originating);
        try (Writer writer = new java.io.OutputStreamWriter(services.openOutputStream(), StandardCharsets.UTF_8)) {
            writer.write(qualifiedName(packageName) + "\n");
        }
        new RegistryIndex(
                        names(models.stream().map(OperationModel::element)),
                        names(deferred.stream().map(DeferredModel::element)))
                .write(filer, packageOption, originating);
        listing.write(models, originating);
    }

    private static Set<String> names(Stream<TypeElement> types) {
        return types.map(type -> type.getQualifiedName().toString()).collect(Collectors.toSet());
    }

    static String qualifiedName(String packageName) {
        return packageName.isEmpty() ? RegistryWriter.CLASS_NAME : packageName + '.' + RegistryWriter.CLASS_NAME;
    }
}
