package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.operation;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.sequencer.OperationDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The registry is written once, in the first round that has operations, so javac never warns that it was created
 * in the last round; an operation another processor generates later is a clear error, not silently left out.
 */
class RoundsTest {

    private static final String GENERATED_OPERATION = "package com.example;\n"
            + "@dev.sequencer.annotation.Operation(timestamp = \"2024_01_03_000000\")\n"
            + "public final class Generated implements dev.sequencer.OperationHandler {\n"
            + "  public void handle(dev.sequencer.OperationContext c) {}\n"
            + "}\n";

    private static final String GENERATED_HANDLER = "package com.example;\n"
            + "@dev.sequencer.annotation.Deferred(\"generated\")\n"
            + "public final class Generated implements dev.sequencer.DeferredHandler {\n"
            + "  public void handle(dev.sequencer.OperationContext c, String json) {}\n"
            + "}\n";

    /** Writes one more class, {@code com.example.Generated}, in the first round, as a code generator might. */
    private static final class OperationGenerator extends AbstractProcessor {
        private final String source;
        private boolean done;

        OperationGenerator(String source) {
            this.source = source;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (done) {
                return false;
            }
            done = true;
            try (Writer writer = processingEnv
                    .getFiler()
                    .createSourceFile("com.example.Generated")
                    .openWriter()) {
                writer.write(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }

    @Test
    void writesTheRegistryOnceWithoutAnyWarning() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new SequencerProcessor())
                .compile(operation("com.example.Written", "@Operation(timestamp = \"2024_01_02_000000\")"));

        assertThat(compilation).succeeded();
        assertThat(compilation.diagnostics().stream()
                        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                        .map(d -> d.getMessage(null))
                        .toList())
                .isEmpty();
        assertThat(LoadedRegistry.operations(compilation).stream()
                        .map(OperationDescriptor::name)
                        .toList())
                .containsExactly("2024_01_02_000000_written");
    }

    @Test
    void operationGeneratedInALaterRoundIsAnErrorNamingIt() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new SequencerProcessor(), new OperationGenerator(GENERATED_OPERATION))
                .compile(operation("com.example.Written", "@Operation(timestamp = \"2024_01_02_000000\")"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Message.LATE_OPERATION.format("com.example.Generated"));
        var error = compilation.errors().get(0);
        assertThat(error.getSource().getName()).endsWith("com/example/Generated.java");
        assertThat(error.getLineNumber()).isEqualTo(3L);
        assertThat(error.getColumnNumber()).isEqualTo(14L);
    }

    @Test
    void deferredHandlerGeneratedInALaterRoundIsAnErrorNamingIt() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new SequencerProcessor(), new OperationGenerator(GENERATED_HANDLER))
                .compile(operation("com.example.Written", "@Operation(timestamp = \"2024_01_02_000000\")"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Message.LATE_DEFERRED.format("com.example.Generated"));
        var error = compilation.errors().get(0);
        assertThat(error.getSource().getName()).endsWith("com/example/Generated.java");
        assertThat(error.getLineNumber()).isEqualTo(3L);
        assertThat(error.getColumnNumber()).isEqualTo(14L);
    }
}
