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
 * One of Sequencer's annotations on one class ({@code @Operation}, {@code @Retry}, {@code @Deferred}, ...), read
 * through the language model (the processor never loads user classes). Gives each attribute's value and, where the
 * attribute was written, the value to report problems on.
 */
final class ClassAnnotation {

    static final String OPERATION = "dev.sequencer.annotation.Operation";
    static final String ASYNCHRONOUS = "dev.sequencer.annotation.Asynchronous";
    static final String RETRY = "dev.sequencer.annotation.Retry";
    static final String TIMEOUT = "dev.sequencer.annotation.Timeout";
    static final String ALLOWED_TO_FAIL = "dev.sequencer.annotation.AllowedToFail";
    static final String ENVIRONMENTS = "dev.sequencer.annotation.Environments";
    static final String DEFERRED = "dev.sequencer.annotation.Deferred";
    static final String PARTITIONED = "dev.sequencer.annotation.Partitioned";

    /** The annotations that shape how an operation runs; each is only allowed together with {@code @Operation}. */
    static final List<String> POLICY = List.of(RETRY, TIMEOUT, ALLOWED_TO_FAIL, ENVIRONMENTS, PARTITIONED);

    private final TypeElement type;
    private final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;

    private ClassAnnotation(TypeElement type, AnnotationMirror mirror, Elements elements) {
        this.type = type;
        this.mirror = mirror;
        this.explicit = mirror.getElementValues();
        this.withDefaults = elements.getElementValuesWithDefaults(mirror);
    }

    /** The annotation named {@code qualifiedName} of {@code type}, if it carries one. */
    static Optional<ClassAnnotation> of(TypeElement type, String qualifiedName, Elements elements) {
        return find(type, qualifiedName).map(mirror -> new ClassAnnotation(type, mirror, elements));
    }

    /** {@code @Retry} for {@code dev.sequencer.annotation.Retry}, for messages. */
    static String simpleName(String qualifiedName) {
        return "@" + qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
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

    int integer(String attribute) {
        Object value = value(attribute).getValue();
        return value instanceof Integer integer ? integer : 0;
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

    /** A problem on the value of {@code attribute} as written, else on the annotation. */
    Problem problemOnAttribute(String attribute, Message message, Object... arguments) {
        return Problem.onValue(type, mirror, written(attribute), message, arguments);
    }

    /** A problem on one entry of an array attribute. */
    Problem problemOnEntry(AnnotationValue entry, Message message, Object... arguments) {
        return Problem.onValue(type, mirror, entry, message, arguments);
    }

    /** A problem on the annotation as a whole. */
    Problem problemOnAnnotation(Message message, Object... arguments) {
        return Problem.onValue(type, mirror, null, message, arguments);
    }

    private AnnotationValue value(String attribute) {
        AnnotationValue value = lookup(withDefaults, attribute);
        if (value == null) {
            throw new IllegalStateException(mirror.getAnnotationType() + " has no attribute " + attribute);
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
