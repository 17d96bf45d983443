package dev.sequencer.processor;

import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * One valid operation, as the writer emits it.
 *
 * @param name the unique name (explicit or derived)
 * @param timestamp fourteen digits, {@code yyyyMMddHHmmss}
 * @param binaryName the binary class name ({@code com.example.Outer$Inner})
 * @param handler how generated code names and builds the class
 * @param description possibly empty
 * @param tags in declared order
 * @param dependsOn names of the dependencies, in declared order
 * @param afterMigration a Flyway version, or {@code null}
 * @param transactional whether handle and record share one transaction
 * @param asynchronous whether annotated {@code @Asynchronous}
 * @param policy retries, time limit, allowed-to-fail and environments
 * @param element the annotated class, the originating element of generated files
 */
record OperationModel(
        String name,
        String timestamp,
        String binaryName,
        HandlerClass handler,
        String description,
        List<String> tags,
        List<String> dependsOn,
        String afterMigration,
        boolean transactional,
        boolean asynchronous,
        PolicyModel policy,
        TypeElement element) {

    /** The order operations run in: timestamp, then name. */
    static final Comparator<OperationModel> ORDER =
            Comparator.comparing(OperationModel::timestamp).thenComparing(OperationModel::name);

    OperationModel {
        tags = List.copyOf(tags);
        dependsOn = List.copyOf(dependsOn);
    }
}
