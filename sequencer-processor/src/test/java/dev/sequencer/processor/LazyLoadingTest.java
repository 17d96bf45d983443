package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.operation;

import com.google.testing.compile.Compilation;
import dev.sequencer.DeferredDescriptor;
import dev.sequencer.DeferredHandler;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.processor.LoadedRegistry.RecordingClassLoader;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated registry loads an operation's class only when that operation is about to run. */
class LazyLoadingTest {

    @Test
    void registryLoadsNoOperationClassUntilOneIsBuilt() {
        Compilation compilation = compile(
                operation("com.example.First", "@Operation(timestamp = \"2024_01_01_000000\")"),
                operation("com.example.Second", "@Operation(timestamp = \"2024_01_02_000000\")"),
                operation("com.example.Third", "@Operation(timestamp = \"2024_01_03_000000\")"));
        assertThat(compilation).succeeded();
        RecordingClassLoader loader = new RecordingClassLoader(compilation);
        assertThat(loader.defines("com.example.GeneratedSequencer")).isTrue();

        List<OperationDescriptor> registry = loader.operations("com.example.GeneratedSequencer");

        assertThat(registry).hasSize(3);
        assertThat(registry.get(1).name()).isEqualTo("2024_01_02_000000_second");
        assertThat(loader.loaded()).containsNoneOf("com.example.First", "com.example.Second", "com.example.Third");

        OperationHandler second = registry.get(1).source().newInstance();

        assertThat(second.getClass().getName()).isEqualTo("com.example.Second");
        assertThat(loader.loaded()).contains("com.example.Second");
        assertThat(loader.loaded()).containsNoneOf("com.example.First", "com.example.Third");
        assertThat(registry.get(2).source().type().getName()).isEqualTo("com.example.Third");
        assertThat(loader.loaded()).doesNotContain("com.example.First");
    }

    @Test
    void deferredPartLoadsAHandlerClassOnlyWhenItIsBuilt() {
        Compilation compilation = compile(
                operation("com.example.First", "@Operation(timestamp = \"2024_01_01_000000\")"),
                handler("com.example.Remind", "remind"),
                handler("com.example.Notify", "notify"));
        assertThat(compilation).succeeded();
        RecordingClassLoader loader = new RecordingClassLoader(compilation);

        List<DeferredDescriptor> handlers = loader.deferred("com.example.GeneratedSequencer");

        assertThat(handlers.stream().map(DeferredDescriptor::alias).toList()).containsExactly("notify", "remind");
        assertThat(loader.loaded()).containsNoneOf("com.example.Remind", "com.example.Notify", "com.example.First");

        DeferredHandler remind = handlers.get(1).source().newInstance();

        assertThat(remind.getClass().getName()).isEqualTo("com.example.Remind");
        assertThat(loader.loaded()).contains("com.example.Remind");
        assertThat(loader.loaded()).containsNoneOf("com.example.Notify", "com.example.First");
    }

    private static JavaFileObject handler(String qualifiedName, String alias) {
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        return TestSources.source(
                qualifiedName,
                "@Deferred(\"" + alias + "\")",
                "public final class " + simpleName + " implements DeferredHandler {",
                "    @Override public void handle(OperationContext context, String jsonPayload) {}",
                "}");
    }
}
