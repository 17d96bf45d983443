package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.generatedSource;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationPolicy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry larger than one class of handlers compiles: its data in one class, its handlers in classes of 200 that
 * load only when needed, all within the JVM's limits. (10,000
 * operations take about 55 s to compile here on a shared 2-core machine, too slow for a unit test.)
 */
class ScaleTest {

    /** One compilation for both tests: 2,100 sources take seconds. */
    private static Compilation compilation;

    @BeforeAll
    static void compileOnce() {
        compilation = compile(operations(2_100));
    }

    @Test
    void registryOf2100OperationsCompilesWithElevenClassesOfHandlers() {
        assertThat(compilation).succeeded();
        String registry = generatedSource(compilation, "com.example.ops.GeneratedSequencer");
        assertThat(registry).contains("class Handlers10 ");
        assertThat(registry).doesNotContain("class Handlers11 ");
        assertThat(registry).contains("case 10:\n          return Handlers10.newInstance(index);");
        assertThat(registry).contains("case 2099:");
        assertThat(registry).doesNotContain("case 2100:");
        List<OperationDescriptor> operations =
                LoadedRegistry.operations(compilation, "com.example.ops.GeneratedSequencer");
        assertThat(operations).hasSize(2_100);
        assertThat(operations.get(2_099).className()).isEqualTo("com.example.ops.Op2099");
        assertThat(operations.get(2_099).timestamp()).isEqualTo("20200328110000");
        assertThat(operations.get(2_090).policy().backoff())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5))
                .inOrder();
        assertThat(operations.get(2_099).policy()).isSameInstanceAs(OperationPolicy.DEFAULT);
    }

    @Test
    void loadingALargeRegistryDefinesTwoClassesAndBuildingAnOperationOnlyItsHandlersClass() {
        LoadedRegistry.RecordingClassLoader loader = new LoadedRegistry.RecordingClassLoader(compilation);

        List<OperationDescriptor> operations = loader.operations("com.example.ops.GeneratedSequencer");

        assertThat(operations).hasSize(2_100);
        assertThat(loader.loaded())
                .containsExactly("com.example.ops.GeneratedSequencer", "com.example.ops.GeneratedSequencer$Operations");
        assertThat(operations.get(2_099).source().newInstance().getClass().getName())
                .isEqualTo("com.example.ops.Op2099");
        assertThat(operations.get(2_000).source().type().getName()).isEqualTo("com.example.ops.Op2000");
        assertThat(loader.loaded())
                .containsExactly(
                        "com.example.ops.GeneratedSequencer",
                        "com.example.ops.GeneratedSequencer$Operations",
                        "com.example.ops.GeneratedSequencer$Handlers10",
                        "com.example.ops.Op2099",
                        "com.example.ops.Op2000");
    }

    /** {@code count} operations an hour apart; every tenth has a policy, so the registry holds both forms. */
    private static JavaFileObject[] operations(int count) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("uuuu_MM_dd_HHmmss");
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        JavaFileObject[] sources = new JavaFileObject[count];
        for (int i = 0; i < count; i++) {
            String name = "Op" + i;
            sources[i] = JavaFileObjects.forSourceString(
                    "com.example.ops." + name,
                    "package com.example.ops;\n"
                            + "@dev.sequencer.annotation.Operation(timestamp = \""
                            + start.plusHours(i).format(format) + "\")\n"
                            + (i % 10 == 0 ? "@dev.sequencer.annotation.Retry(backoff = {\"1s\", \"5s\"})\n" : "")
                            + "public final class " + name + " implements dev.sequencer.OperationHandler {\n"
                            + "  public void handle(dev.sequencer.OperationContext c) {}\n"
                            + "}\n");
        }
        return sources;
    }
}
