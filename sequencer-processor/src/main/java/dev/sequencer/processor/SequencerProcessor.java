package dev.sequencer.processor;

import com.google.auto.service.AutoService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Validates {@code @Operation} classes and generates the ordered registry {@code GeneratedSequencer} with its
 * {@code META-INF/services} entry.
 *
 * <p>Aggregating: the registry is written once, in the first round that has {@code @Operation} classes. Writing it
 * later would mean writing it in javac's last round, which warns on every build ("created in the last round") and
 * breaks {@code -Werror} builds. The price: an {@code @Operation} class that another processor generates in a later
 * round cannot join the registry, and is reported as an error naming it. No exception escapes to javac: an
 * internal failure is reported as an error.
 */
@AutoService(Processor.class)
public final class SequencerProcessor extends AbstractProcessor {

    /** Qualified names of every {@code @Operation} class seen so far; sorted, so output never depends on order. */
    private final Set<String> operations = new TreeSet<>();

    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(OperationAnnotation.OPERATION, OperationAnnotation.ASYNCHRONOUS);
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
        } catch (Exception | LinkageError | AssertionError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(trace));
        }
        return false;
    }

    private void processRound(RoundEnvironment round) throws Exception {
        OperationValidator validator =
                new OperationValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        TypeElement asynchronous = processingEnv.getElementUtils().getTypeElement(OperationAnnotation.ASYNCHRONOUS);
        if (asynchronous != null) {
            ValidationReport report = new ValidationReport();
            validator
                    .checkAsynchronous(round.getElementsAnnotatedWith(asynchronous))
                    .forEach(report::add);
            report.printTo(processingEnv.getMessager());
        }
        TypeElement operation = processingEnv.getElementUtils().getTypeElement(OperationAnnotation.OPERATION);
        if (operation == null) {
            return;
        }
        for (Element element : round.getElementsAnnotatedWith(operation)) {
            if (!(element instanceof TypeElement type)
                    || !operations.add(type.getQualifiedName().toString())) {
                continue;
            }
            if (written) {
                ValidationReport late = new ValidationReport();
                late.add(Problem.on(element, Message.LATE_OPERATION, type.getQualifiedName()));
                late.printTo(processingEnv.getMessager());
            }
        }
        if (!operations.isEmpty() && !written) {
            written = true;
            generate(validator);
        }
    }

    private void generate(OperationValidator validator) throws Exception {
        List<TypeElement> types = new ArrayList<>();
        for (String name : operations) {
            types.add(processingEnv.getElementUtils().getTypeElement(name));
        }
        OperationValidator.Result result = validator.validate(types);
        String option = processingEnv.getOptions().get(RegistryPackage.OPTION);
        if (option != null && !RegistryPackage.isValidOption(option)) {
            result.report().add(Problem.global(Message.INVALID_PACKAGE_OPTION, option));
        }
        result.report().printTo(processingEnv.getMessager());
        if (result.report().isClean()) {
            String packageName = RegistryPackage.choose(option, result.models());
            new RegistryFiler(processingEnv.getFiler()).write(packageName, result.models());
        }
    }
}
