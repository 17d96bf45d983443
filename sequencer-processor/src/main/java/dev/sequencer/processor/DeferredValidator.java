package dev.sequencer.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the {@code @Deferred} handlers of one compilation and builds their models: the class shape (as for
 * operations, implementing {@code DeferredHandler}), not also an {@code @Operation}, and a valid alias that no other
 * handler of the compilation has.
 */
final class DeferredValidator {

    static final String DEFERRED_HANDLER = "dev.sequencer.DeferredHandler";

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    /** The outcome: the report, and the models by alias (only meaningful when the report is clean). */
    record Result(ValidationReport report, List<DeferredModel> models) {}

    private final Elements elements;
    private final ClassShape shape;

    DeferredValidator(Elements elements, Types types) {
        this.elements = elements;
        this.shape = new ClassShape(elements, types);
    }

    /** Validates the handlers, given in the stable order of {@link RegistryClasses} (a duplicate alias names the same class each time). */
    Result validate(List<TypeElement> handlers) {
        ValidationReport report = new ValidationReport();
        Map<String, String> classByAlias = new LinkedHashMap<>();
        List<DeferredModel> models = new ArrayList<>();
        for (TypeElement type : handlers) {
            ClassAnnotation annotation =
                    ClassAnnotation.of(type, ClassAnnotation.DEFERRED, elements).orElseThrow();
            String qualifiedName = type.getQualifiedName().toString();
            if (ClassAnnotation.find(type, ClassAnnotation.OPERATION).isPresent()) {
                report.add(annotation.problemOnAnnotation(Message.DEFERRED_WITH_OPERATION, qualifiedName));
                continue;
            }
            shape.check(type, "@Deferred", DEFERRED_HANDLER, Message.NOT_A_DEFERRED_HANDLER, report);
            String alias = annotation.string("value");
            if (!ALIAS.matcher(alias).matches()) {
                report.add(annotation.problemOnAttribute("value", Message.INVALID_ALIAS, alias));
                continue;
            }
            String other = classByAlias.putIfAbsent(alias, qualifiedName);
            if (other != null) {
                report.add(annotation.problemOnAttribute("value", Message.DUPLICATE_ALIAS, alias, other));
                continue;
            }
            models.add(new DeferredModel(
                    alias, elements.getBinaryName(type).toString(), HandlerClass.of(type, elements), type));
        }
        if (!report.isClean()) {
            models.clear();
        }
        models.sort(DeferredModel.ORDER);
        return new Result(report, List.copyOf(models));
    }
}
