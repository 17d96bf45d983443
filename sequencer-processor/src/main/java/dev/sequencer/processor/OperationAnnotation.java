package dev.sequencer.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The {@code @Operation} annotation of one class, read through the language model (the processor never loads user
 * classes). Gives each attribute's value and, where the attribute was written, the value to report problems on.
 */
final class OperationAnnotation {

    static final String OPERATION = "dev.sequencer.annotation.Operation";
    static final String ASYNCHRONOUS = "dev.sequencer.annotation.Asynchronous";

    private final TypeElement type;
    private final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;

    private OperationAnnotation(TypeElement type, AnnotationMirror mirror, Elements elements) {
        this.type = type;
        this.mirror = mirror;
        this.explicit = mirror.getElementValues();
        this.withDefaults = elements.getElementValuesWithDefaults(mirror);
    }

    /** The {@code @Operation} of {@code type}, if it carries one. */
    static Optional<OperationAnnotation> of(TypeElement type, Elements elements) {
        return find(type, OPERATION).map(mirror -> new OperationAnnotation(type, mirror, elements));
    }

    /** The annotation named {@code qualifiedName} on {@code element}, if present. */
    static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element annotationType = mirror.getAnnotationType().asElement();
            if (((TypeElement) annotationType).getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    TypeElement type() {
        return type;
    }

    AnnotationMirror mirror() {
        return mirror;
    }

    String string(String attribute) {
        Object value = value(attribute).getValue();
        return value instanceof String string ? string : "";
    }

    boolean bool(String attribute) {
        return Boolean.TRUE.equals(value(attribute).getValue());
    }

    /** The entries of an array attribute, as written (each one can be reported on). */
    @SuppressWarnings("unchecked")
    List<AnnotationValue> entries(String attribute) {
        Object value = value(attribute).getValue();
        return value instanceof List<?> list ? (List<AnnotationValue>) list : List.of();
    }

    /** The value as written in source, or {@code null} when the attribute takes its default. */
    AnnotationValue written(String attribute) {
        return lookup(explicit, attribute);
    }

    private AnnotationValue value(String attribute) {
        AnnotationValue value = lookup(withDefaults, attribute);
        if (value == null) {
            throw new IllegalStateException("@Operation has no attribute " + attribute);
        }
        return value;
    }

    private static AnnotationValue lookup(
            Map<? extends ExecutableElement, ? extends AnnotationValue> values, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
