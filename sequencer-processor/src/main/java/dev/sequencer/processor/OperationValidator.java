package dev.sequencer.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the {@code @Operation} classes of one compilation and builds their models. Every problem of every class is
 * reported; one bad class hides nothing about the others. Records are accepted like classes (they are final and,
 * when nested, static); interfaces, enums and annotation types are not.
 */
final class OperationValidator {

    static final String OPERATION_HANDLER = "dev.sequencer.OperationHandler";
    static final String PARTITIONED_OPERATION = "dev.sequencer.PartitionedOperation";

    /** The outcome: the report, and the models in run order (only meaningful when the report is clean). */
    record Result(ValidationReport report, List<OperationModel> models) {}

    private final Elements elements;
    private final ClassShape shape;
    private final PolicyReader policies;
    private final PackageListing listing;

    OperationValidator(Elements elements, Types types, PackageListing listing) {
        this.elements = elements;
        this.shape = new ClassShape(elements, types);
        this.policies = new PolicyReader(elements);
        this.listing = listing;
    }

    /** Reports {@code @Asynchronous} on elements that lack {@code @Operation}. */
    List<Problem> checkAsynchronous(Set<? extends Element> annotatedAsynchronous) {
        List<Problem> problems = new ArrayList<>();
        for (Element element : annotatedAsynchronous) {
            if (ClassAnnotation.find(element, ClassAnnotation.OPERATION).isEmpty()) {
                problems.add(Problem.on(element, Message.ASYNCHRONOUS_WITHOUT_OPERATION, element.getSimpleName()));
            }
        }
        return problems;
    }

    /**
     * Reports the policy annotation {@code qualifiedName} ({@code @Retry}, ...) on elements that lack
     * {@code @Operation}, on the annotation itself.
     */
    List<Problem> checkPolicyWithoutOperation(String qualifiedName, Set<? extends Element> annotated) {
        List<Problem> problems = new ArrayList<>();
        for (Element element : annotated) {
            if (ClassAnnotation.find(element, ClassAnnotation.OPERATION).isEmpty()) {
                ClassAnnotation.find(element, qualifiedName)
                        .ifPresent(mirror -> problems.add(Problem.onValue(
                                element,
                                mirror,
                                null,
                                Message.POLICY_WITHOUT_OPERATION,
                                ClassAnnotation.simpleName(qualifiedName),
                                element.getSimpleName())));
            }
        }
        return problems;
    }

    /** Validates the operations, given in the stable order of {@link RegistryClasses#operations()}. */
    Result validate(List<TypeElement> operations) {
        ValidationReport report = new ValidationReport();
        Map<String, OperationCandidate> byClass = new LinkedHashMap<>();
        Map<String, PolicyModel> policyByClass = new LinkedHashMap<>();
        for (TypeElement type : operations) {
            ClassAnnotation annotation = ClassAnnotation.of(type, ClassAnnotation.OPERATION, elements)
                    .orElseThrow();
            shape.check(type, "@Operation", OPERATION_HANDLER, Message.NOT_AN_OPERATION_HANDLER, report);
            ClassAnnotation.of(type, ClassAnnotation.PARTITIONED, elements)
                    .filter(partitioned -> !shape.implementsInterface(type, PARTITIONED_OPERATION))
                    .ifPresent(partitioned -> report.add(partitioned.problemOnAnnotation(
                            Message.NOT_A_PARTITIONED_OPERATION, type.getQualifiedName())));
            checkAttributes(annotation, report);
            String qualifiedName = type.getQualifiedName().toString();
            OperationCandidate candidate = OperationCandidate.read(annotation);
            if (candidate.invalidDerivedName() != null) {
                report.add(
                        Problem.on(type, Message.INVALID_DERIVED_NAME, candidate.invalidDerivedName(), qualifiedName));
            }
            byClass.put(qualifiedName, candidate);
            policyByClass.put(qualifiedName, policies.read(type, report));
        }
        checkUniqueNames(byClass.values(), report);
        Map<String, List<String>> dependencies = new DependencyChecker(elements, shape, listing, byClass).check(report);
        List<OperationModel> models = new ArrayList<>();
        if (report.isClean()) {
            for (OperationCandidate candidate : byClass.values()) {
                String qualifiedName = candidate.qualifiedName();
                models.add(model(candidate, dependencies.get(qualifiedName), policyByClass.get(qualifiedName)));
            }
            models.sort(OperationModel.ORDER);
        }
        return new Result(report, List.copyOf(models));
    }

    private void checkAttributes(ClassAnnotation annotation, ValidationReport report) {
        String timestamp = annotation.string("timestamp");
        if (!OperationTimestamp.isWellFormed(timestamp)) {
            report.add(annotation.problemOnAttribute("timestamp", Message.TIMESTAMP_MALFORMED, timestamp));
        } else if (!OperationTimestamp.isRealDateTime(timestamp)) {
            report.add(annotation.problemOnAttribute("timestamp", Message.TIMESTAMP_IMPOSSIBLE, timestamp));
        }
        String name = annotation.string("name");
        if (!name.isEmpty() && !OperationNames.isValid(name)) {
            report.add(annotation.problemOnAttribute("name", Message.INVALID_NAME, name));
        }
        String afterMigration = annotation.string("afterMigration");
        if (!afterMigration.isEmpty() && !FlywayVersion.isValid(afterMigration)) {
            report.add(
                    annotation.problemOnAttribute("afterMigration", Message.INVALID_AFTER_MIGRATION, afterMigration));
        }
        Set<String> tags = new HashSet<>();
        for (AnnotationValue entry : annotation.entries("tags")) {
            String tag = String.valueOf(entry.getValue());
            if (tag.isBlank()) {
                report.add(annotation.problemOnEntry(entry, Message.BLANK_TAG));
            } else if (!tags.add(tag)) {
                report.add(annotation.problemOnEntry(entry, Message.DUPLICATE_TAG, tag));
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
                ClassAnnotation annotation = candidate.annotation();
                Object other = first.qualifiedName();
                report.add(
                        annotation.written("name") != null
                                ? annotation.problemOnAttribute("name", Message.DUPLICATE_NAME, candidate.name(), other)
                                : Problem.on(annotation.type(), Message.DUPLICATE_NAME, candidate.name(), other));
            }
        }
    }

    private OperationModel model(OperationCandidate candidate, List<String> dependsOn, PolicyModel policy) {
        ClassAnnotation annotation = candidate.annotation();
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
                HandlerClass.of(type, elements),
                annotation.string("description"),
                tags,
                dependsOn,
                afterMigration.isEmpty() ? null : afterMigration,
                annotation.bool("transactional"),
                ClassAnnotation.find(type, ClassAnnotation.ASYNCHRONOUS).isPresent(),
                policy,
                type);
    }
}
