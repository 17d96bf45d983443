package dev.sequencer.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the {@code @Operation} classes of one compilation and builds their models. Every problem of every class is
 * reported; one bad class hides nothing about the others. Records are accepted like classes (they are final and,
 * when nested, static); interfaces, enums and annotation types are not.
 */
final class OperationValidator {

    static final String OPERATION_HANDLER = "dev.sequencer.OperationHandler";

    private static final Pattern FLYWAY_VERSION = Pattern.compile("\\d+([._]\\d+)*");

    /** The outcome: the report, and the models in run order (only meaningful when the report is clean). */
    record Result(ValidationReport report, List<OperationModel> models) {}

    private final Elements elements;
    private final Types types;

    OperationValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** Reports {@code @Asynchronous} on elements that lack {@code @Operation}. */
    List<Problem> checkAsynchronous(Set<? extends Element> annotatedAsynchronous) {
        List<Problem> problems = new ArrayList<>();
        for (Element element : annotatedAsynchronous) {
            if (OperationAnnotation.find(element, OperationAnnotation.OPERATION).isEmpty()) {
                problems.add(Problem.on(element, Message.ASYNCHRONOUS_WITHOUT_OPERATION, element.getSimpleName()));
            }
        }
        return problems;
    }

    /** Validates the operations, given sorted by qualified name. */
    Result validate(List<TypeElement> operations) {
        ValidationReport report = new ValidationReport();
        TypeElement handler = elements.getTypeElement(OPERATION_HANDLER);
        Map<String, OperationCandidate> byClass = new LinkedHashMap<>();
        for (TypeElement type : operations) {
            OperationAnnotation annotation =
                    OperationAnnotation.of(type, elements).orElseThrow();
            checkClass(type, handler, report);
            checkAttributes(annotation, report);
            byClass.put(type.getQualifiedName().toString(), OperationCandidate.read(annotation));
        }
        checkUniqueNames(byClass.values(), report);
        Map<String, List<String>> dependencies = new DependencyChecker(elements, byClass).check(report);
        List<OperationModel> models = new ArrayList<>();
        if (report.isClean()) {
            for (OperationCandidate candidate : byClass.values()) {
                models.add(model(candidate, dependencies.get(candidate.qualifiedName())));
            }
            models.sort(OperationModel.ORDER);
        }
        return new Result(report, List.copyOf(models));
    }

    private void checkClass(TypeElement type, TypeElement handler, ValidationReport report) {
        String name = type.getQualifiedName().toString();
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            report.add(Problem.on(type, Message.NOT_A_CLASS, kindName(type.getKind()), name));
            return;
        }
        Set<Modifier> modifiers = type.getModifiers();
        if (modifiers.contains(Modifier.ABSTRACT)) {
            report.add(Problem.on(type, Message.ABSTRACT_CLASS, name));
        }
        if (!modifiers.contains(Modifier.PUBLIC)) {
            report.add(Problem.on(type, Message.NOT_PUBLIC, name));
        }
        Element enclosing = type.getEnclosingElement();
        if (enclosing instanceof TypeElement && !modifiers.contains(Modifier.STATIC)) {
            report.add(Problem.on(type, Message.INNER_CLASS, name));
        }
        for (; enclosing instanceof TypeElement outer; enclosing = outer.getEnclosingElement()) {
            if (!outer.getModifiers().contains(Modifier.PUBLIC)) {
                report.add(Problem.on(type, Message.ENCLOSING_NOT_PUBLIC, name, outer.getQualifiedName()));
                break;
            }
        }
        if (handler == null) {
            report.add(Problem.on(type, Message.RUNTIME_MISSING));
        } else if (!types.isAssignable(types.erasure(type.asType()), types.erasure(handler.asType()))) {
            report.add(Problem.on(type, Message.NOT_AN_OPERATION_HANDLER, name));
        }
    }

    private static String kindName(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "interface";
            case ENUM -> "enum";
            case ANNOTATION_TYPE -> "annotation type";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private void checkAttributes(OperationAnnotation annotation, ValidationReport report) {
        String timestamp = annotation.string("timestamp");
        if (!OperationTimestamp.isWellFormed(timestamp)) {
            report.add(onAttribute(annotation, "timestamp", Message.TIMESTAMP_MALFORMED, timestamp));
        } else if (!OperationTimestamp.isRealDateTime(timestamp)) {
            report.add(onAttribute(annotation, "timestamp", Message.TIMESTAMP_IMPOSSIBLE, timestamp));
        }
        String name = annotation.string("name");
        if (!name.isEmpty() && !OperationNames.isValid(name)) {
            report.add(onAttribute(annotation, "name", Message.INVALID_NAME, name));
        }
        String afterMigration = annotation.string("afterMigration");
        if (!afterMigration.isEmpty() && !FLYWAY_VERSION.matcher(afterMigration).matches()) {
            report.add(onAttribute(annotation, "afterMigration", Message.INVALID_AFTER_MIGRATION, afterMigration));
        }
        Set<String> tags = new HashSet<>();
        for (AnnotationValue entry : annotation.entries("tags")) {
            String tag = String.valueOf(entry.getValue());
            if (tag.isBlank()) {
                report.add(onEntry(annotation, entry, Message.BLANK_TAG));
            } else if (!tags.add(tag)) {
                report.add(onEntry(annotation, entry, Message.DUPLICATE_TAG, tag));
            }
        }
    }

    /** Reports each operation whose name an earlier one (by qualified class name) already has. */
    private void checkUniqueNames(Iterable<OperationCandidate> candidates, ValidationReport report) {
        Map<String, OperationCandidate> firstByName = new LinkedHashMap<>();
        for (OperationCandidate candidate : candidates) {
            if (candidate.name() == null) {
                continue;
            }
            OperationCandidate first = firstByName.putIfAbsent(candidate.name(), candidate);
            if (first != null) {
                OperationAnnotation annotation = candidate.annotation();
                Object other = first.qualifiedName();
                report.add(
                        annotation.written("name") != null
                                ? onAttribute(annotation, "name", Message.DUPLICATE_NAME, candidate.name(), other)
                                : Problem.on(annotation.type(), Message.DUPLICATE_NAME, candidate.name(), other));
            }
        }
    }

    private OperationModel model(OperationCandidate candidate, List<String> dependsOn) {
        OperationAnnotation annotation = candidate.annotation();
        TypeElement type = candidate.type();
        List<String> tags = new ArrayList<>();
        for (AnnotationValue entry : annotation.entries("tags")) {
            tags.add(String.valueOf(entry.getValue()));
        }
        String afterMigration = annotation.string("afterMigration");
        return new OperationModel(
                candidate.name(),
                candidate.timestamp(),
                elements.getBinaryName(type).toString(),
                ClassName.get(type),
                annotation.string("description"),
                tags,
                dependsOn,
                afterMigration.isEmpty() ? null : afterMigration,
                annotation.bool("transactional"),
                OperationAnnotation.find(type, OperationAnnotation.ASYNCHRONOUS).isPresent(),
                hasPublicNoArgumentConstructor(type),
                type);
    }

    private static boolean hasPublicNoArgumentConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(constructor -> constructor.getParameters().isEmpty()
                        && constructor.getModifiers().contains(Modifier.PUBLIC));
    }

    private static Problem onAttribute(
            OperationAnnotation annotation, String attribute, Message message, Object... arguments) {
        return Problem.onValue(
                annotation.type(), annotation.mirror(), annotation.written(attribute), message, arguments);
    }

    private static Problem onEntry(
            OperationAnnotation annotation, AnnotationValue entry, Message message, Object... arguments) {
        return Problem.onValue(annotation.type(), annotation.mirror(), entry, message, arguments);
    }
}
