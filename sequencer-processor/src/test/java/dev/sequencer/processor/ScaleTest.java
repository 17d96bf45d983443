package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.generatedSource;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A registry larger than one part compiles: the parts split it correctly and stay within the JVM's limits. */
class ScaleTest {

    private static final int OPERATIONS = 2_100;

    @Test
    void registryOf2100OperationsCompilesInElevenParts() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("uuuu_MM_dd_HHmmss");
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        JavaFileObject[] sources = new JavaFileObject[OPERATIONS];
        for (int i = 0; i < OPERATIONS; i++) {
            String name = "Op" + i;
            sources[i] = JavaFileObjects.forSourceString(
                    "com.example.ops." + name,
                    "package com.example.ops;\n"
                            + "@dev.sequencer.annotation.Operation(timestamp = \""
                            + start.plusHours(i).format(format) + "\")\n"
                            + "public final class " + name + " implements dev.sequencer.OperationHandler {\n"
                            + "  public void handle(dev.sequencer.OperationContext c) {}\n"
                            + "}\n");
        }

        Compilation compilation = compile(sources);

        assertThat(compilation).succeeded();
        String registry = generatedSource(compilation, "com.example.ops.GeneratedSequencer");
        assertThat(registry).contains("Part10.operations()");
        assertThat(registry).doesNotContain("class Part11 ");
        assertThat(registry).contains("case 199:");
        assertThat(registry).doesNotContain("case 200:");
    }
}
