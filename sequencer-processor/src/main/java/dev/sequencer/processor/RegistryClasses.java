package dev.sequencer.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The classes a registry is generated from: the annotated classes of this compilation, and those the index of an
 * earlier build names that this compilation did not recompile, as long as their class still exists
 * ({@link Elements#getTypeElement} finds it on the class path) and still carries its annotation. What is known of an
 * earlier class is read from its class file (the annotations have class retention), never from the index, so the
 * registry is the one a full build writes.
 *
 * @param operations the {@code @Operation} classes: those of earlier builds first, then this compilation's, each
 *     sorted by qualified name (so that a name clash is reported on the class being compiled)
 * @param deferred the {@code @Deferred} classes, in the same order
 * @param earlier the classes carried over from earlier builds, which have no source to report problems on
 */
record RegistryClasses(List<TypeElement> operations, List<TypeElement> deferred, Set<Element> earlier) {

    static RegistryClasses gather(
            Elements elements, Set<String> compiledOperations, Set<String> compiledDeferred, RegistryIndex index) {
        Set<Element> earlier = new HashSet<>();
        List<TypeElement> operations =
                merge(elements, compiledOperations, index.operations(), ClassAnnotation.OPERATION, earlier);
        List<TypeElement> deferred =
                merge(elements, compiledDeferred, index.deferred(), ClassAnnotation.DEFERRED, earlier);
        return new RegistryClasses(List.copyOf(operations), List.copyOf(deferred), Set.copyOf(earlier));
    }

    private static List<TypeElement> merge(
            Elements elements, Set<String> compiled, Set<String> indexed, String annotation, Set<Element> earlier) {
        List<TypeElement> types = new ArrayList<>();
        for (String name : new TreeSet<>(indexed)) {
            TypeElement type = compiled.contains(name) ? null : elements.getTypeElement(name);
            if (type != null && ClassAnnotation.find(type, annotation).isPresent()) {
                types.add(type);
                earlier.add(type);
            }
        }
        for (String name : new TreeSet<>(compiled)) {
            types.add(elements.getTypeElement(name));
        }
        return types;
    }
}
