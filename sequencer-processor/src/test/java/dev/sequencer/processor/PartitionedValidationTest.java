package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.assertOnlyError;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationPolicy;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Partitioned}: its compile errors on the annotation, and what it becomes in the registry. */
class PartitionedValidationTest {

    private static final String PARTITIONED_BODY = "public final class Op implements PartitionedOperation {"
            + " public java.util.List<String> partitions(OperationContext c) { return java.util.List.of(\"a\"); }"
            + " public void handlePartition(OperationContext c, String p) {} }";

    @Test
    void rejectsPartitionedOnAClassThatIsNotAPartitionedOperationOnTheAnnotation() {
        JavaFileObject op = source(
                "com.example.Op",
                "@Operation(timestamp = \"2024_01_02_000000\")",
                "@Asynchronous",
                "@Partitioned(concurrency = 2)",
                "public final class Op implements OperationHandler {",
                "    @Override public void handle(OperationContext context) {}",
                "}");
        assertOnlyError(
                compile(op), Message.NOT_A_PARTITIONED_OPERATION.format("com.example.Op"), op, 6, "@Partitioned");
    }

    @Test
    void rejectsNegativeConcurrencyOnTheValue() {
        JavaFileObject op = source(
                "com.example.Op",
                "@Operation(timestamp = \"2024_01_02_000000\")",
                "@Asynchronous",
                "@Partitioned(concurrency = -1)",
                PARTITIONED_BODY);
        assertOnlyError(compile(op), Message.PARTITION_CONCURRENCY_NEGATIVE.format(-1), op, 6, "-1");
    }

    @Test
    void rejectsPartitionedWithoutOperation() {
        JavaFileObject op = source("com.example.Op", "@Partitioned", PARTITIONED_BODY);
        assertOnlyError(
                compile(op), Message.POLICY_WITHOUT_OPERATION.format("@Partitioned", "Op"), op, 4, "@Partitioned");
    }

    @Test
    void writesThePartitionConcurrencyIntoThePolicy() {
        Compilation compilation = compile(source(
                "com.example.Op",
                "@Operation(timestamp = \"2024_01_02_000000\")",
                "@Asynchronous",
                "@Partitioned(concurrency = 4)",
                PARTITIONED_BODY));
        assertThat(compilation).succeeded();
        List<OperationDescriptor> registry = LoadedRegistry.operations(compilation);
        OperationPolicy policy = registry.get(0).policy();
        assertThat(policy.partitioned()).isTrue();
        assertThat(policy.partitionConcurrency()).isEqualTo(4);
        assertThat(registry.get(0).asynchronous()).isTrue();
    }

    @Test
    void aPartitionedOperationWithoutALimitHasConcurrencyZero() {
        Compilation compilation = compile(source(
                "com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\")", "@Partitioned", PARTITIONED_BODY));
        assertThat(compilation).succeeded();
        OperationPolicy policy = LoadedRegistry.operations(compilation).get(0).policy();
        assertThat(policy.partitioned()).isTrue();
        assertThat(policy.partitionConcurrency()).isEqualTo(0);
    }
}
