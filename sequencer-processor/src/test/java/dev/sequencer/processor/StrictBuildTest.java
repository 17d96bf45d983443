package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.generatedSource;
import static dev.sequencer.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Builds with {@code -Xlint:all -Werror} pass: the processor claims its annotations, and the generated registry
 * compiles without a warning whatever the operations look like, suppressing only what it must, where it must.
 */
class StrictBuildTest {

    private static Compilation compileStrictly(List<JavaFileObject> sources) {
        return TestSources.compiler().withOptions("-Xlint:all", "-Werror").compile(sources);
    }

    private static JavaFileObject operation(String simpleName, String timestamp, String... classLines) {
        List<String> lines = new ArrayList<>();
        lines.add("@Operation(timestamp = \"" + timestamp + "\")");
        lines.addAll(List.of(classLines));
        return source("com.example." + simpleName, lines.toArray(String[]::new));
    }

    /** An operation deprecated for removal. */
    private static JavaFileObject doomed() {
        return operation(
                "Doomed",
                "2024_01_02_000000",
                "@Deprecated(forRemoval = true)",
                "public final class Doomed implements OperationHandler {",
                "    public void handle(OperationContext c) {}",
                "}");
    }

    @Test
    void goldenRegistryCompilesWithEveryLintWarningAnError() {
        Compilation compilation = compileStrictly(GoldenRegistry.sources());

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void deprecatedOperationsAndHandlersCompileWithEveryLintWarningAnError() {
        Compilation compilation = compileStrictly(List.of(
                operation(
                        "Old",
                        "2024_01_01_000000",
                        "@Deprecated",
                        "public final class Old implements OperationHandler {",
                        "    public void handle(OperationContext c) {}",
                        "}"),
                doomed(),
                operation(
                        "OldConstructor",
                        "2024_01_03_000000",
                        "public final class OldConstructor implements OperationHandler {",
                        "    @Deprecated(forRemoval = true) public OldConstructor() {}",
                        "    public void handle(OperationContext c) {}",
                        "}"),
                source(
                        "com.example.Legacy",
                        "@Deprecated",
                        "public final class Legacy {",
                        "    @Operation(timestamp = \"2024_01_04_000000\")",
                        "    public static final class Inside implements OperationHandler {",
                        "        public void handle(OperationContext c) {}",
                        "    }",
                        "}"),
                source(
                        "com.example.OldHandler",
                        "@Deferred(\"old\")",
                        "@Deprecated",
                        "public final class OldHandler implements DeferredHandler {",
                        "    public void handle(OperationContext c, String json) {}",
                        "}")));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void suppressionsCoverOnlyThePartThatNeedsThem() {
        Compilation compilation = compileStrictly(List.of(
                doomed(),
                operation(
                        "Fresh",
                        "2024_01_03_000000",
                        "public final class Fresh implements OperationHandler {",
                        "    public void handle(OperationContext c) {}",
                        "}")));

        String registry = generatedSource(compilation, "com.example.GeneratedSequencer");
        assertThat(registry).contains("@SuppressWarnings(\"removal\")");
        assertThat(registry).doesNotContain("\"deprecation\"");
        assertThat(registry).doesNotContain("DeferredPart");
    }

    @Test
    void genericOperationsCompileWithEveryLintWarningAnError() {
        Compilation compilation = compileStrictly(List.of(
                operation(
                        "Generic",
                        "2024_01_01_000000",
                        "public final class Generic<T> implements OperationHandler {",
                        "    public void handle(OperationContext c) {}",
                        "}"),
                operation(
                        "Bounded",
                        "2024_01_02_000000",
                        "public final class Bounded<T extends Number & Comparable<T>> implements OperationHandler {",
                        "    public void handle(OperationContext c) {}",
                        "}"),
                source(
                        "com.example.GenericHandler",
                        "@Deferred(\"generic\")",
                        "public final class GenericHandler<T> implements DeferredHandler {",
                        "    public void handle(OperationContext c, String json) {}",
                        "}")));

        assertThat(compilation).succeededWithoutWarnings();
    }
}
