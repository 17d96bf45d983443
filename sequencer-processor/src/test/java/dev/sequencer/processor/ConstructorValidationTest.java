package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.assertOnlyError;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The registry calls a public no-argument constructor in generated code that cannot pass on checked exceptions:
 * one that declares them is an error on the constructor, not an error inside the generated file.
 */
class ConstructorValidationTest {

    private static final int CONSTRUCTOR = 6;

    @Test
    void rejectsPublicNoArgumentConstructorDeclaringACheckedExceptionOnTheConstructor() {
        JavaFileObject op = source(
                "com.example.Op",
                "@Operation(timestamp = \"2024_01_02_000000\")",
                "public final class Op implements OperationHandler {",
                "    public Op() throws java.io.IOException, IllegalStateException {}",
                "    public void handle(OperationContext c) {}",
                "}");
        assertOnlyError(
                compile(op),
                Message.CONSTRUCTOR_THROWS_CHECKED.format("@Operation", "com.example.Op", "java.io.IOException"),
                op,
                CONSTRUCTOR,
                "Op()");
    }

    @Test
    void rejectsTheSameOnADeferredHandler() {
        JavaFileObject handler = source(
                "com.example.Handler",
                "@Deferred(\"handler\")",
                "public final class Handler implements DeferredHandler {",
                "    public Handler() throws Exception {}",
                "    public void handle(OperationContext c, String json) {}",
                "}");
        assertOnlyError(
                compile(handler),
                Message.CONSTRUCTOR_THROWS_CHECKED.format("@Deferred", "com.example.Handler", "java.lang.Exception"),
                handler,
                CONSTRUCTOR,
                "Handler()");
    }

    @Test
    void acceptsUncheckedExceptionsAndNonPublicConstructorsThatAFactoryCalls() {
        Compilation compilation = compile(
                source(
                        "com.example.Unchecked",
                        "@Operation(timestamp = \"2024_01_02_000000\")",
                        "public final class Unchecked implements OperationHandler {",
                        "    public Unchecked() throws IllegalStateException, AssertionError {}",
                        "    public void handle(OperationContext c) {}",
                        "}"),
                source(
                        "com.example.Injected",
                        "@Operation(timestamp = \"2024_01_03_000000\")",
                        "public final class Injected implements OperationHandler {",
                        "    Injected() throws java.io.IOException {}",
                        "    public void handle(OperationContext c) {}",
                        "}"));

        assertThat(compilation).succeeded();
        assertThat(LoadedRegistry.operations(compilation).get(1).constructible())
                .isFalse();
    }
}
