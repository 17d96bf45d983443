package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.assertOnlyError;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.generatedSource;
import static dev.sequencer.processor.TestSources.operation;
import static dev.sequencer.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import dev.sequencer.DeferredDescriptor;
import dev.sequencer.OperationDescriptor;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that recompiles only some sources (IDE builds, Maven with {@code useIncrementalCompilation=false}) keeps
 * every operation and handler of the earlier build in the registry, through the index the processor keeps in the
 * class output, and drops those whose class is gone or no longer annotated.
 */
class IncrementalBuildTest {

    @TempDir
    Path temp;

    private static JavaFileObject first() {
        return operation("com.example.First", "@Operation(timestamp = \"2024_01_01_000000\")");
    }

    private static JavaFileObject second() {
        return operation("com.example.Second", "@Operation(timestamp = \"2024_01_02_000000\")");
    }

    private static JavaFileObject handler() {
        return source(
                "com.example.Remind",
                "@Deferred(\"remind\")",
                "public final class Remind implements DeferredHandler {",
                "    public void handle(OperationContext c, String json) {}",
                "}");
    }

    private EarlierBuild earlier(JavaFileObject... sources) {
        Compilation compilation = compile(sources);
        assertThat(compilation).succeeded();
        return EarlierBuild.of(compilation, temp);
    }

    private static List<String> names(Compilation compilation) {
        assertThat(compilation).succeeded();
        return LoadedRegistry.operations(compilation).stream()
                .map(OperationDescriptor::name)
                .toList();
    }

    @Test
    void recompilingOneOperationKeepsTheOthersAndTheHandlers() {
        Compilation compilation =
                earlier(first(), second(), handler()).compiler().compile(second());

        assertThat(names(compilation))
                .containsExactly("2024_01_01_000000_first", "2024_01_02_000000_second")
                .inOrder();
        assertThat(new LoadedRegistry.RecordingClassLoader(compilation)
                        .deferred("com.example.GeneratedSequencer").stream()
                                .map(DeferredDescriptor::alias)
                                .toList())
                .containsExactly("remind");
    }

    @Test
    void recompilingOneOperationGivesTheRegistryOfAFullBuild() {
        String full = generatedSource(compile(first(), second(), handler()), "com.example.GeneratedSequencer");

        Compilation partial = earlier(first(), second(), handler()).compiler().compile(first());

        assertThat(generatedSource(partial, "com.example.GeneratedSequencer")).isEqualTo(full);
    }

    @Test
    void anOperationWhoseClassIsGoneIsDropped() {
        Compilation compilation = earlier(first(), second())
                .withoutClass("com.example.First")
                .compiler()
                .compile(second());

        assertThat(names(compilation)).containsExactly("2024_01_02_000000_second");
    }

    @Test
    void aClassThatNoLongerCarriesOperationIsDropped() {
        JavaFileObject plainFirst = source("com.example.First", "public final class First {}");

        Compilation compilation = earlier(first(), second()).compiler().compile(plainFirst, second());

        assertThat(names(compilation)).containsExactly("2024_01_02_000000_second");
    }

    @Test
    void aNewOperationJoinsTheEarlierOnes() {
        JavaFileObject third = operation("com.example.Third", "@Operation(timestamp = \"2024_01_03_000000\")");

        Compilation compilation = earlier(first(), second()).compiler().compile(third);

        assertThat(names(compilation))
                .containsExactly("2024_01_01_000000_first", "2024_01_02_000000_second", "2024_01_03_000000_third")
                .inOrder();
    }

    @Test
    void aDuplicateOfAnEarlierOperationsNameIsReportedOnTheRecompiledClass() {
        JavaFileObject copy = operation(
                "com.example.Copy",
                "@Operation(timestamp = \"2024_01_03_000000\", name = \"2024_01_01_000000_first\")");

        Compilation compilation = earlier(first(), second()).compiler().compile(copy);

        assertOnlyError(
                compilation,
                Message.DUPLICATE_NAME.format("2024_01_01_000000_first", "com.example.First"),
                copy,
                4,
                "\"2024_01_01_000000_first\"");
    }

    @Test
    void aProblemOnAnEarlierClassNamesItAndAsksForACleanBuild() {
        JavaFileObject dependent = operation(
                "com.example.Dependent", "@Operation(timestamp = \"2024_01_03_000000\", dependsOn = Second.class)");
        JavaFileObject laterSecond = operation("com.example.Second", "@Operation(timestamp = \"2024_01_04_000000\")");

        Compilation compilation = earlier(second(), dependent).compiler().compile(laterSecond);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Message.EARLIER_BUILD.format(
                        Message.DEPENDS_ON_LATER.format("Dependent", "Second", "2024_01_04_000000_second"),
                        "com.example.Dependent"));
    }

    @Test
    void twoRegistriesOfOneClassOutputKeepTheirOwnOperations() {
        // Two compiler executions of one module, each with its own -Asequencer.package, into one class output (as the
        // benchmarks module builds two registries): the second must not take the first one's operations for its own.
        JavaFileObject other = operation("org.other.Third", "@Operation(timestamp = \"2024_01_03_000000\")");
        Compilation firstRegistry = TestSources.compiler()
                .withOptions("-Asequencer.package=com.example")
                .compile(first(), second());
        assertThat(firstRegistry).succeeded();
        EarlierBuild output = EarlierBuild.of(firstRegistry, temp);

        Compilation secondRegistry =
                output.compiler().withOptions("-Asequencer.package=org.other").compile(other);

        assertThat(secondRegistry).succeeded();
        assertThat(LoadedRegistry.operations(secondRegistry, "org.other.GeneratedSequencer").stream()
                        .map(OperationDescriptor::name)
                        .toList())
                .containsExactly("2024_01_03_000000_third");
        Compilation firstAgain = EarlierBuild.of(secondRegistry, temp)
                .with(output)
                .compiler()
                .withOptions("-Asequencer.package=com.example")
                .compile(second());
        assertThat(firstAgain).succeeded();
        assertThat(LoadedRegistry.operations(firstAgain, "com.example.GeneratedSequencer").stream()
                        .map(OperationDescriptor::name)
                        .toList())
                .containsExactly("2024_01_01_000000_first", "2024_01_02_000000_second")
                .inOrder();
    }
}
