package dev.sequencer.processor;

import com.google.testing.compile.Compilation;
import dev.sequencer.DeferredDescriptor;
import dev.sequencer.OperationDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads a compiled, generated registry in a class loader of its own, so that tests assert on the descriptors it
 * decodes rather than on the text of the generated source.
 */
final class LoadedRegistry {

    private LoadedRegistry() {}

    /** Defines the compiled classes itself (the runtime comes from the parent) and records which it loaded. */
    static final class RecordingClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;
        private final List<String> loaded = new ArrayList<>();

        RecordingClassLoader(Compilation compilation) {
            super(LoadedRegistry.class.getClassLoader());
            this.classes = classFiles(compilation);
        }

        boolean defines(String name) {
            return classes.containsKey(name);
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

        /** {@code registry()} of the generated class {@code qualifiedName}. */
        @SuppressWarnings("unchecked")
        List<OperationDescriptor> operations(String qualifiedName) {
            return (List<OperationDescriptor>) invoke(qualifiedName, "registry");
        }

        /** {@code deferred()} of the generated class {@code qualifiedName}. */
        @SuppressWarnings("unchecked")
        List<DeferredDescriptor> deferred(String qualifiedName) {
            return (List<DeferredDescriptor>) invoke(qualifiedName, "deferred");
        }

        private Object invoke(String qualifiedName, String method) {
            try {
                return Class.forName(qualifiedName, true, this)
                        .getMethod(method)
                        .invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot call " + qualifiedName + "." + method + "()", e);
            }
        }
    }

    /** The operations of the generated registry {@code qualifiedName}, loaded in a fresh class loader. */
    static List<OperationDescriptor> operations(Compilation compilation, String qualifiedName) {
        return new RecordingClassLoader(compilation).operations(qualifiedName);
    }

    /** The operations of {@code com.example.GeneratedSequencer}. */
    static List<OperationDescriptor> operations(Compilation compilation) {
        return operations(compilation, "com.example.GeneratedSequencer");
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
}
