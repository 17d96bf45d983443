package dev.sequencer.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The output of an earlier compilation, as a build that recompiles only some sources finds it: its class files on
 * the class path (Maven compiles into {@code target/classes} and puts that directory on the class path), and its
 * other files (the registry index, the service file) in the class output that the next compilation writes to.
 */
final class EarlierBuild {

    private static final String OUTPUT = "/CLASS_OUTPUT/";

    private final Path classes;
    private final Map<String, byte[]> resources = new LinkedHashMap<>();

    private EarlierBuild(Path classes) {
        this.classes = classes;
    }

    /** Keeps the output of {@code compilation} (which must have succeeded) in a new directory under {@code root}. */
    static EarlierBuild of(Compilation compilation, Path root) {
        try {
            EarlierBuild build = new EarlierBuild(Files.createTempDirectory(root, "classes"));
            for (JavaFileObject file : compilation.generatedFiles()) {
                String uri = file.toUri().getPath();
                if (!uri.contains(OUTPUT)) {
                    continue;
                }
                String path = uri.substring(uri.indexOf(OUTPUT) + OUTPUT.length());
                try (InputStream in = file.openInputStream()) {
                    byte[] bytes = in.readAllBytes();
                    if (path.endsWith(".class")) {
                        Path target = build.classes.resolve(path);
                        Files.createDirectories(target.getParent());
                        Files.write(target, bytes);
                    } else {
                        build.resources.put(path, bytes);
                    }
                }
            }
            return build;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This output together with {@code earlier}'s, as one class output that two compilations wrote to; where both
     * wrote a file, this one's wins (it was written last).
     */
    EarlierBuild with(EarlierBuild earlier) {
        try (var files = Files.walk(earlier.classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = classes.resolve(earlier.classes.relativize(file).toString());
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        earlier.resources.forEach(resources::putIfAbsent);
        return this;
    }

    /** Deletes the class file of {@code binaryName}, as when its source was deleted and the build cleaned it up. */
    EarlierBuild withoutClass(String binaryName) {
        try {
            Files.delete(classes.resolve(binaryName.replace('.', '/') + ".class"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The processor's compiler for another module that depends on this output: all of it (class files and resources)
     * on the class path, as a jar of it would be, and nothing in the class output.
     */
    Compiler compilerOfADependentModule() {
        try {
            for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                Path target = classes.resolve(resource.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, resource.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Compiler.javac().withProcessors(new SequencerProcessor()).withClasspath(classPath());
    }

    private List<File> classPath() {
        List<File> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(new File(entry));
        }
        classPath.add(classes.toFile());
        return classPath;
    }

    /** The processor's compiler for the next build: this output on the class path and in the class output. */
    Compiler compiler() {
        return Compiler.compiler(new SeedingCompiler(ToolProvider.getSystemJavaCompiler(), resources))
                .withProcessors(new SequencerProcessor())
                .withClasspath(classPath());
    }

    /** javac, with {@code resources} written to the class output before each compilation starts. */
    private record SeedingCompiler(JavaCompiler javac, Map<String, byte[]> resources) implements JavaCompiler {

        @Override
        public CompilationTask getTask(
                Writer out,
                JavaFileManager fileManager,
                DiagnosticListener<? super JavaFileObject> diagnostics,
                Iterable<String> options,
                Iterable<String> classes,
                Iterable<? extends JavaFileObject> units) {
            try {
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    try (OutputStream stream = fileManager
                            .getFileForOutput(StandardLocation.CLASS_OUTPUT, "", resource.getKey(), null)
                            .openOutputStream()) {
                        stream.write(resource.getValue());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return javac.getTask(out, fileManager, diagnostics, options, classes, units);
        }

        @Override
        public StandardJavaFileManager getStandardFileManager(
                DiagnosticListener<? super JavaFileObject> diagnostics,
                Locale locale,
                java.nio.charset.Charset charset) {
            return javac.getStandardFileManager(diagnostics, locale, charset);
        }

        @Override
        public int isSupportedOption(String option) {
            return javac.isSupportedOption(option);
        }

        @Override
        public int run(InputStream in, OutputStream out, OutputStream err, String... arguments) {
            return javac.run(in, out, err, arguments);
        }

        @Override
        public Set<SourceVersion> getSourceVersions() {
            return javac.getSourceVersions();
        }
    }
}
