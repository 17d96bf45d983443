package dev.sequencer.processor;

import com.palantir.javapoet.ClassName;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.SourceVersion;

/** Chooses the package of {@code GeneratedSequencer}. */
final class RegistryPackage {

    static final String OPTION = "sequencer.package";

    private RegistryPackage() {}

    /** Whether the option's value can name a package (the empty string names the unnamed package). */
    static boolean isValidOption(String option) {
        return option.isEmpty() || SourceVersion.isName(option);
    }

    /**
     * The option when given, else the longest common package of the operation classes (possibly the unnamed
     * package, {@code ""}). Deferred handlers only count when there are no operations: adding a handler elsewhere
     * must not move an existing {@code GeneratedSequencer}.
     */
    static String choose(String option, List<OperationModel> models, List<DeferredModel> deferred) {
        if (option != null) {
            return option;
        }
        List<ClassName> classes = models.isEmpty()
                ? deferred.stream().map(model -> model.handler().name()).toList()
                : models.stream().map(model -> model.handler().name()).toList();
        String[] common = null;
        int length = 0;
        for (ClassName type : classes) {
            String packageName = type.packageName();
            String[] segments = packageName.isEmpty() ? new String[0] : packageName.split("\\.");
            if (common == null) {
                common = segments;
                length = segments.length;
            } else {
                int same = 0;
                while (same < Math.min(length, segments.length) && common[same].equals(segments[same])) {
                    same++;
                }
                length = same;
            }
        }
        return common == null ? "" : String.join(".", Arrays.asList(common).subList(0, length));
    }

    /** Whether some operation is in a named package (so that the unnamed package is no natural home). */
    static boolean hasNamedPackage(List<OperationModel> models) {
        return models.stream()
                .anyMatch(model -> !model.handler().name().packageName().isEmpty());
    }
}
