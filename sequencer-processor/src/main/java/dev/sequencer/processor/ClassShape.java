package dev.sequencer.processor;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that an annotated class can be loaded and built by generated code: a public, non-abstract class or record,
 * top-level or static nested in public classes, implementing the runtime interface it is annotated for. Shared by
 * {@code @Operation} ({@code OperationHandler}) and {@code @Deferred} ({@code DeferredHandler}).
 */
final class ClassShape {

    private final Elements elements;
    private final Types types;

    ClassShape(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * Reports what keeps {@code type} from being a handler.
     *
     * @param annotation the annotation's name for messages, {@code @Operation}
     * @param handlerInterface the qualified name of the interface it must implement
     * @param notImplementing the message when it does not
     */
    void check(
            TypeElement type,
            String annotation,
            String handlerInterface,
            Message notImplementing,
            ValidationReport report) {
        String name = type.getQualifiedName().toString();
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            report.add(Problem.on(type, Message.NOT_A_CLASS, annotation, kindName(type.getKind()), name));
            return;
        }
        Set<Modifier> modifiers = type.getModifiers();
        if (modifiers.contains(Modifier.ABSTRACT)) {
            report.add(Problem.on(type, Message.ABSTRACT_CLASS, annotation, name));
        }
        if (!modifiers.contains(Modifier.PUBLIC)) {
            report.add(Problem.on(type, Message.NOT_PUBLIC, annotation, name));
        }
        Element enclosing = type.getEnclosingElement();
        if (enclosing instanceof TypeElement && !modifiers.contains(Modifier.STATIC)) {
            report.add(Problem.on(type, Message.INNER_CLASS, annotation, name));
        }
        for (; enclosing instanceof TypeElement outer; enclosing = outer.getEnclosingElement()) {
            if (!outer.getModifiers().contains(Modifier.PUBLIC)) {
                report.add(Problem.on(type, Message.ENCLOSING_NOT_PUBLIC, annotation, name, outer.getQualifiedName()));
                break;
            }
        }
        checkConstructor(type, annotation, report);
        TypeElement handler = elements.getTypeElement(handlerInterface);
        if (handler == null) {
            report.add(Problem.on(type, Message.RUNTIME_MISSING, handlerInterface, annotation));
        } else if (!types.isAssignable(types.erasure(type.asType()), types.erasure(handler.asType()))) {
            report.add(Problem.on(type, notImplementing, name));
        }
    }

    /** Whether {@code type} implements the interface named {@code qualifiedName} (false when it is unknown). */
    boolean implementsInterface(TypeElement type, String qualifiedName) {
        TypeElement handler = elements.getTypeElement(qualifiedName);
        return handler != null && types.isAssignable(types.erasure(type.asType()), types.erasure(handler.asType()));
    }

    /** Reports a public no-argument constructor declaring checked exceptions: generated code calls it. */
    private void checkConstructor(TypeElement type, String annotation, ValidationReport report) {
        ExecutableElement constructor = noArgumentConstructor(type);
        if (constructor == null || !constructor.getModifiers().contains(Modifier.PUBLIC)) {
            return;
        }
        List<String> checked = constructor.getThrownTypes().stream()
                .filter(thrown -> !isUnchecked(thrown))
                .map(TypeMirror::toString)
                .toList();
        if (!checked.isEmpty()) {
            report.add(Problem.on(
                    constructor,
                    Message.CONSTRUCTOR_THROWS_CHECKED,
                    annotation,
                    type.getQualifiedName(),
                    String.join(", ", checked)));
        }
    }

    private boolean isUnchecked(TypeMirror thrown) {
        for (Class<?> unchecked : List.of(RuntimeException.class, Error.class)) {
            TypeElement supertype = elements.getTypeElement(unchecked.getName());
            if (types.isSubtype(types.erasure(thrown), supertype.asType())) {
                return true;
            }
        }
        return false;
    }

    /** Whether generated code can call {@code new Type()}. */
    static boolean hasPublicNoArgumentConstructor(TypeElement type) {
        ExecutableElement constructor = noArgumentConstructor(type);
        return constructor != null && constructor.getModifiers().contains(Modifier.PUBLIC);
    }

    /** The constructor of {@code type} without parameters, or {@code null} when it has none. */
    static ExecutableElement noArgumentConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(constructor -> constructor.getParameters().isEmpty())
                .findFirst()
                .orElse(null);
    }

    private static String kindName(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "interface";
            case ENUM -> "enum";
            case ANNOTATION_TYPE -> "annotation type";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
