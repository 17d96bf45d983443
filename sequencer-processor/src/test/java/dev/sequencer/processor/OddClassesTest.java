package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.assertOnlyError;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.operation;
import static dev.sequencer.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Classes and settings that used to break the generated registry or pass silently. */
class OddClassesTest {

    @Test
    void classNamedLikeTheRegistryInItsPackageIsAnErrorOnTheClass() {
        JavaFileObject clash =
                operation("com.example.GeneratedSequencer", "@Operation(timestamp = \"2024_01_02_000000\")");
        assertOnlyError(
                compile(clash),
                Message.REGISTRY_NAME_TAKEN.format("com.example.GeneratedSequencer"),
                clash,
                5,
                "class");
    }

    @Test
    void classesNamedLikeJavaLangTypesInTheRegistryPackageDoNotBreakIt() {
        Compilation compilation = compile(
                source(
                        "com.example.Op",
                        "@Operation(timestamp = \"2024_01_02_000000\")",
                        "public final class Op implements OperationHandler {",
                        "    public void handle(OperationContext c) {}",
                        "}"),
                source("com.example.Override", "public final class Override {}"),
                source("com.example.String", "public final class String {}"),
                source("com.example.Class", "public final class Class {}"),
                source("com.example.IllegalStateException", "public final class IllegalStateException {}"),
                source(
                        "com.example.SuppressWarnings",
                        "@Deprecated(forRemoval = true)",
                        "@Operation(timestamp = \"2024_01_03_000000\")",
                        "public final class SuppressWarnings implements OperationHandler {",
                        "    public void handle(OperationContext c) {}",
                        "}"));

        assertThat(compilation).succeeded();
        assertThat(LoadedRegistry.operations(compilation)).hasSize(2);
    }

    @Test
    void operationsNamedLikeTheRegistrysNestedClassesDoNotBreakIt() {
        JavaFileObject[] sources = new JavaFileObject[203];
        sources[0] = operation("com.example.Operations", "@Operation(timestamp = \"2024_01_02_000000\")");
        sources[1] = operation("com.example.Handlers0", "@Operation(timestamp = \"2024_01_03_000000\")");
        sources[2] = operation("com.example.Handlers1", "@Operation(timestamp = \"2024_01_04_000000\")");
        for (int i = 3; i < sources.length; i++) { // more than 200 operations: the registry has Handlers0 and 1
            sources[i] = operation(
                    "com.example.Op" + i,
                    "@Operation(timestamp = \"2024_02_01_" + String.format("%02d%02d00", i / 60, i % 60) + "\")");
        }

        Compilation compilation = compile(sources);

        assertThat(compilation).succeeded();
        var operations = LoadedRegistry.operations(compilation);
        assertThat(operations).hasSize(203);
        assertThat(operations.get(0).source().type().getName()).isEqualTo("com.example.Operations");
        assertThat(operations.get(1).source().newInstance().getClass().getName())
                .isEqualTo("com.example.Handlers0");
        assertThat(operations.get(2).source().type().getName()).isEqualTo("com.example.Handlers1");
        assertThat(operations.get(202).source().type().getName()).isEqualTo("com.example.Op202");
    }

    @Test
    void operationsInUnrelatedPackagesWithoutThePackageOptionWarnNamingIt() {
        Compilation compilation = compile(
                operation("com.a.A", "@Operation(timestamp = \"2024_01_02_000000\")"),
                operation("org.b.B", "@Operation(timestamp = \"2024_01_03_000000\")"));

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining(Message.REGISTRY_IN_UNNAMED_PACKAGE.format());
        assertThat(Message.REGISTRY_IN_UNNAMED_PACKAGE.format()).contains("-Asequencer.package=");
    }

    @Test
    void operationsInTheUnnamedPackageThemselvesDoNotWarn() {
        assertThat(compile(operation("A", "@Operation(timestamp = \"2024_01_02_000000\")")))
                .succeededWithoutWarnings();
    }

    @Test
    void timeoutTooLargeSaysSo() {
        JavaFileObject huge = timeout("99999999999999999999d");
        JavaFileObject beyondNanoseconds = timeout("200000d");
        Compilation compilation = compile(huge, beyondNanoseconds);

        assertThat(compilation).hadErrorCount(2);
        TestSources.assertErrorAt(
                compilation, Message.TIMEOUT_TOO_LARGE.format("99999999999999999999d"), huge, 5, "\"9999");
        TestSources.assertErrorAt(
                compilation, Message.TIMEOUT_TOO_LARGE.format("200000d"), beyondNanoseconds, 5, "\"2");
    }

    @Test
    void longestTimeoutTheRuntimeCanWaitIsAccepted() {
        assertThat(compile(timeout("106751d"))).succeeded();
    }

    private static JavaFileObject timeout(String value) {
        String name = "T" + Math.abs(value.hashCode());
        return source(
                "com.example." + name,
                "@Operation(timestamp = \"2024_01_02_000000\")",
                "@Timeout(\"" + value + "\")",
                "public final class " + name + " implements OperationHandler {",
                "    public void handle(OperationContext c) {}",
                "}");
    }
}
