package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.assertOnlyError;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.operation;
import static dev.sequencer.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code dependsOn} entry that no registry will ever hold (a primitive, void, an array, a class-path operation that
 * no registry can contain or that was compiled without the processor) is a compile error on the entry: the dependent
 * would otherwise wait forever.
 */
class DependencyTargetTest {

    private static final int ANNOTATION = 4;

    @TempDir
    Path temp;

    private static JavaFileObject dependent(String dependsOn) {
        return operation(
                "com.example.app.Dependent",
                "@Operation(timestamp = \"2024_01_02_000000\", dependsOn = " + dependsOn + ")");
    }

    private static JavaFileObject library() {
        return operation("com.example.lib.Library", "@Operation(timestamp = \"2024_01_01_000000\")");
    }

    @Test
    void rejectsPrimitiveVoidAndArrayClassesOnTheirEntries() {
        JavaFileObject op = dependent("{int.class, void.class, Dependent[].class}");
        Compilation compilation = compile(op);

        assertThat(compilation).hadErrorCount(3);
        TestSources.assertErrorAt(
                compilation,
                Message.DEPENDENCY_NOT_AN_OPERATION.format("Dependent", "int"),
                op,
                ANNOTATION,
                "int^.class");
        TestSources.assertErrorAt(
                compilation,
                Message.DEPENDENCY_NOT_AN_OPERATION.format("Dependent", "void"),
                op,
                ANNOTATION,
                "void^.class");
        TestSources.assertErrorAt(
                compilation,
                Message.DEPENDENCY_NOT_AN_OPERATION.format("Dependent", "com.example.app.Dependent[]"),
                op,
                ANNOTATION,
                "Dependent[]^.class");
    }

    @Test
    void rejectsAClassPathOperationNoRegistryCanContain() {
        JavaFileObject abstractOperation = source(
                "com.example.lib.Base",
                "@Operation(timestamp = \"2024_01_01_000000\")",
                "public abstract class Base implements OperationHandler {}");
        Compilation library = Compiler.javac().compile(abstractOperation);
        assertThat(library).succeeded();
        JavaFileObject op = dependent("com.example.lib.Base.class");

        Compilation compilation =
                EarlierBuild.of(library, temp).compilerOfADependentModule().compile(op);

        assertOnlyError(
                compilation,
                Message.DEPENDENCY_NOT_REGISTRABLE.format(
                        "Dependent",
                        "com.example.lib.Base",
                        Message.ABSTRACT_CLASS.format("@Operation", "com.example.lib.Base")),
                op,
                ANNOTATION,
                "Base^.class");
    }

    @Test
    void rejectsAClassPathOperationCompiledWithoutTheProcessor() {
        Compilation library = Compiler.javac().compile(library());
        assertThat(library).succeeded();
        JavaFileObject op = dependent("com.example.lib.Library.class");

        Compilation compilation =
                EarlierBuild.of(library, temp).compilerOfADependentModule().compile(op);

        assertOnlyError(
                compilation,
                Message.DEPENDENCY_NOT_REGISTERED.format("Dependent", "com.example.lib.Library"),
                op,
                ANNOTATION,
                "Library^.class");
    }

    @Test
    void acceptsAClassPathOperationOfAnotherModulesRegistry() {
        Compilation library = compile(library());
        assertThat(library).succeeded();

        Compilation compilation = EarlierBuild.of(library, temp)
                .compilerOfADependentModule()
                .compile(dependent("com.example.lib.Library.class"));

        assertThat(compilation).succeeded();
        assertThat(LoadedRegistry.operations(compilation, "com.example.app.GeneratedSequencer")
                        .get(0)
                        .dependsOn())
                .containsExactly("2024_01_01_000000_library");
    }
}
