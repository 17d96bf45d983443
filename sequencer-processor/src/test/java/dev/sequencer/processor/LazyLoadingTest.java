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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated registry loads an operation's class only when that operation is about to run. */
class LazyLoadingTest {

    /** Defines the compiled classes itself (the runtime comes from the parent) and records which it loaded. */
    private static final class RecordingClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;
        private final List<String> loaded = new ArrayList<>();

        RecordingClassLoader(Map<String, byte[]> classes) {
            super(LazyLoadingTest.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            synchronized (loaded) {
                loaded.add(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        List<String> loaded() {
            synchronized (loaded) {
                return List.copyOf(loaded);
            }
        }
    }

    private static Map<String, byte[]> classFiles(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length())
                    .replaceAll("\\.class$", "")
                    .replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classes;
    }

    @Test
    void registryLoadsNoOperationClassUntilOneIsBuilt() throws Exception {
        Compilation compilation = compile(
                operation("com.example.First", "@Operation(timestamp = \"2024_01_01_000000\")"),
                operation("com.example.Second", "@Operation(timestamp = \"2024_01_02_000000\")"),
                operation("com.example.Third", "@Operation(timestamp = \"2024_01_03_000000\")"));
        assertThat(compilation).succeeded();
        Map<String, byte[]> classes = classFiles(compilation);
        assertThat(classes).containsKey("com.example.GeneratedSequencer");
        RecordingClassLoader loader = new RecordingClassLoader(classes);

        Class<?> registryClass = Class.forName("com.example.GeneratedSequencer", true, loader);
        @SuppressWarnings("unchecked")
        List<OperationDescriptor> registry =
                (List<OperationDescriptor>) registryClass.getMethod("registry").invoke(null);

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
    void deferredPartLoadsAHandlerClassOnlyWhenItIsBuilt() throws Exception {
        Compilation compilation = compile(
                operation("com.example.First", "@Operation(timestamp = \"2024_01_01_000000\")"),
                handler("com.example.Remind", "remind"),
                handler("com.example.Notify", "notify"));
        assertThat(compilation).succeeded();
        RecordingClassLoader loader = new RecordingClassLoader(classFiles(compilation));

        Class<?> registryClass = Class.forName("com.example.GeneratedSequencer", true, loader);
        @SuppressWarnings("unchecked")
        List<DeferredDescriptor> handlers =
                (List<DeferredDescriptor>) registryClass.getMethod("deferred").invoke(null);

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
