package dev.sequencer.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * How generated code names and builds one operation or handler class, and which lint warnings doing so raises, so
 * that the registry compiles warning-free under {@code -Xlint:all -Werror} with suppressions exactly where needed.
 *
 * @param name the class
 * @param generic whether the class has type parameters: it is built with {@code new Type<>()}, never as a raw type
 * @param constructible whether it has a public no-argument constructor
 * @param warningsOnName {@code deprecation} and/or {@code removal} when the class or a class enclosing it is
 *     deprecated: raised by every mention of the class
 * @param warningsOnConstruction the same for its no-argument constructor: raised by {@code new Type()} only
 */
record HandlerClass(
        ClassName name,
        boolean generic,
        boolean constructible,
        Set<String> warningsOnName,
        Set<String> warningsOnConstruction) {

    HandlerClass {
        warningsOnName = Set.copyOf(warningsOnName);
        warningsOnConstruction = Set.copyOf(warningsOnConstruction);
    }

    static HandlerClass of(TypeElement type, Elements elements) {
        Set<String> onName = new TreeSet<>();
        for (Element element = type; element instanceof TypeElement; element = element.getEnclosingElement()) {
            addWarning(element, elements, onName);
        }
        Set<String> onConstruction = new TreeSet<>();
        ExecutableElement constructor = ClassShape.noArgumentConstructor(type);
        if (constructor != null) {
            addWarning(constructor, elements, onConstruction);
        }
        return new HandlerClass(
                ClassName.get(type),
                !type.getTypeParameters().isEmpty(),
                ClassShape.hasPublicNoArgumentConstructor(type),
                onName,
                onConstruction);
    }

    /** {@code new Type()}, or {@code new Type<>()} for a generic class. */
    CodeBlock construction() {
        return CodeBlock.of(generic ? "new $T<>()" : "new $T()", name);
    }

    /** What {@code new Type()} raises: the warnings on the name and those on the constructor. */
    Set<String> warningsOfConstruction() {
        Set<String> all = new TreeSet<>(warningsOnName);
        all.addAll(warningsOnConstruction);
        return all;
    }

    /** Adds the warning javac gives for using {@code element}: {@code removal} or {@code deprecation}, if any. */
    private static void addWarning(Element element, Elements elements, Set<String> warnings) {
        if (!elements.isDeprecated(element)) {
            return;
        }
        warnings.add(isForRemoval(element, elements) ? "removal" : "deprecation");
    }

    private static boolean isForRemoval(Element element, Elements elements) {
        AnnotationMirror deprecated =
                ClassAnnotation.find(element, Deprecated.class.getName()).orElse(null);
        if (deprecated == null) {
            return false;
        }
        for (var entry : elements.getElementValuesWithDefaults(deprecated).entrySet()) {
            AnnotationValue value = entry.getValue();
            if (entry.getKey().getSimpleName().contentEquals("forRemoval") && Boolean.TRUE.equals(value.getValue())) {
                return true;
            }
        }
        return false;
    }
}
