package dev.sequencer.processor;

import com.google.auto.service.AutoService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Validates {@code @Operation} classes (with their policy annotations) and {@code @Deferred} handlers, and generates
 * the ordered registry {@code GeneratedSequencer} with its {@code META-INF/services} entry.
 *
 * <p>Aggregating: the registry is written once, in the first round that has {@code @Operation} or {@code @Deferred}
 * classes. Writing it
 * later would mean writing it in javac's last round, which warns on every build ("created in the last round") and
 * breaks {@code -Werror} builds. The price: an {@code @Operation} class that another processor generates in a later
 * round cannot join the registry, and is reported as an error naming it (likewise a {@code @Deferred} handler). No exception escapes to javac: an
 * internal failure is reported as an error.
 */
@AutoService(Processor.class)
public final class SequencerProcessor extends AbstractProcessor {

    /** Qualified names of every {@code @Operation} class seen so far; sorted, so output never depends on order. */
    private final Set<String> operations = new TreeSet<>();

    /** Qualified names of every {@code @Deferred} class seen so far, sorted. */
    private final Set<String> deferred = new TreeSet<>();

    /** Qualified names of the top-level classes compiled before the registry is written. */
    private final Set<String> compiledTypes = new HashSet<>();

    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(
                ClassAnnotation.OPERATION,
                ClassAnnotation.ASYNCHRONOUS,
                ClassAnnotation.RETRY,
                ClassAnnotation.TIMEOUT,
                ClassAnnotation.ALLOWED_TO_FAIL,
                ClassAnnotation.ENVIRONMENTS,
                ClassAnnotation.PARTITIONED,
                ClassAnnotation.DEFERRED);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(RegistryPackage.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            processRound(round);
        } catch (Throwable e) { // even a StackOverflowError: javac must report it, not crash
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(trace));
        }
        return true; // the annotations offered are all ours: claim them (-Xlint:processing warns otherwise)
    }

    private void processRound(RoundEnvironment round) throws Exception {
        Elements elements = processingEnv.getElementUtils();
        PackageListing listing = new PackageListing(processingEnv.getFiler(), elements);
        OperationValidator validator = new OperationValidator(elements, processingEnv.getTypeUtils(), listing);
        ValidationReport misplaced = new ValidationReport();
        TypeElement asynchronous = elements.getTypeElement(ClassAnnotation.ASYNCHRONOUS);
        if (asynchronous != null) {
            validator
                    .checkAsynchronous(round.getElementsAnnotatedWith(asynchronous))
                    .forEach(misplaced::add);
        }
        for (String policy : ClassAnnotation.POLICY) {
            TypeElement annotation = elements.getTypeElement(policy);
            if (annotation != null) {
                validator
                        .checkPolicyWithoutOperation(policy, round.getElementsAnnotatedWith(annotation))
                        .forEach(misplaced::add);
            }
        }
        misplaced.printTo(processingEnv.getMessager());
        if (!written) {
            for (Element root : round.getRootElements()) {
                if (root instanceof TypeElement type) {
                    compiledTypes.add(type.getQualifiedName().toString());
                }
            }
        }
        collect(round, ClassAnnotation.OPERATION, operations, Message.LATE_OPERATION);
        collect(round, ClassAnnotation.DEFERRED, deferred, Message.LATE_DEFERRED);
        if ((!operations.isEmpty() || !deferred.isEmpty()) && !written) {
            written = true;
            generate(validator, listing);
        }
    }

    /** Adds the classes annotated {@code annotationName} to {@code seen}; a new one after writing is reported. */
    private void collect(RoundEnvironment round, String annotationName, Set<String> seen, Message late) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(annotationName);
        if (annotation == null) {
            return;
        }
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            if (element instanceof TypeElement type
                    && seen.add(type.getQualifiedName().toString())
                    && written) {
                ValidationReport report = new ValidationReport();
                report.add(Problem.on(element, late, type.getQualifiedName()));
                report.printTo(processingEnv.getMessager());
            }
        }
    }

    private void generate(OperationValidator validator, PackageListing listing) throws Exception {
        Elements elements = processingEnv.getElementUtils();
        String option = processingEnv.getOptions().get(RegistryPackage.OPTION);
        RegistryClasses classes = RegistryClasses.gather(
                elements, operations, deferred, RegistryIndex.read(processingEnv.getFiler(), option));
        OperationValidator.Result result = validator.validate(classes.operations());
        DeferredValidator.Result handlers =
                new DeferredValidator(elements, processingEnv.getTypeUtils()).validate(classes.deferred());
        ValidationReport options = new ValidationReport();
        if (option != null && !RegistryPackage.isValidOption(option)) {
            options.add(Problem.global(Message.INVALID_PACKAGE_OPTION, option));
        }
        for (ValidationReport report : List.of(result.report(), handlers.report(), options)) {
            report.printTo(processingEnv.getMessager(), classes.earlier());
        }
        if (result.report().isClean() && handlers.report().isClean() && options.isClean()) {
            String packageName = RegistryPackage.choose(option, result.models(), handlers.models());
            RegistryPackageCheck check = new RegistryPackageCheck(elements);
            TypeElement clash = check.clash(packageName, compiledTypes);
            if (clash != null) {
                ValidationReport report = new ValidationReport();
                report.add(Problem.on(clash, Message.REGISTRY_NAME_TAKEN, clash.getQualifiedName()));
                report.printTo(processingEnv.getMessager());
                return;
            }
            if (option == null && packageName.isEmpty() && RegistryPackage.hasNamedPackage(result.models())) {
                processingEnv
                        .getMessager()
                        .printMessage(Diagnostic.Kind.WARNING, Message.REGISTRY_IN_UNNAMED_PACKAGE.format());
            }
            new RegistryFiler(processingEnv.getFiler(), listing)
                    .write(packageName, option, result.models(), handlers.models(), check.javaLangClashes(packageName));
        }
    }
}
