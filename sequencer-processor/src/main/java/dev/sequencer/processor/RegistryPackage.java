package dev.sequencer.processor;

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
     * package, {@code ""}).
     */
    static String choose(String option, List<OperationModel> models) {
        if (option != null) {
            return option;
        }
        String[] common = null;
        int length = 0;
        for (OperationModel model : models) {
            String packageName = model.typeName().packageName();
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
}
