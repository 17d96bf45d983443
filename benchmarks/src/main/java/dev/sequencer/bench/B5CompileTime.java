package dev.sequencer.bench;

import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Operation;
import dev.sequencer.processor.SequencerProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * B5: javac (in process, javax.tools) of the same N generated operation sources with the processor
 * ({@code -processorpath}) vs without it ({@code -proc:none}). A new file manager and output directory per compile.
 */
final class B5CompileTime {

    private B5CompileTime() {}

    static Row run(Config config) throws Exception {
        int n = config.b5();
        Path work = Files.createTempDirectory("bench-b5");
        try {
            List<Path> sources = extract(work.resolve("src"), n);
            String classPath = classPath(OperationHandler.class, Operation.class, org.flywaydb.core.Flyway.class);
            String processorPath =
                    classPath(SequencerProcessor.class, com.palantir.javapoet.JavaFile.class, Operation.class);
            int[] round = {0};
            Sample[] s = Harness.compare(
                    config.warmup(),
                    Math.max(1, Integer.getInteger("bench.b5.reps", config.smoke() ? 1 : 3)),
                    () -> compile(
                            sources,
                            work.resolve("out" + round[0]++),
                            classPath,
                            List.of(
                                    "-processorpath",
                                    processorPath,
                                    "-processor",
                                    SequencerProcessor.class.getName(),
                                    "-Asequencer.package=bench.compile")),
                    () -> compile(sources, work.resolve("out" + round[0]++), classPath, List.of("-proc:none")));
            return new Row(
                    "B5",
                    "javac with processor vs -proc:none",
                    String.format("%,d", n),
                    s[0],
                    s[1],
                    "ms",
                    false,
                    1.2,
                    null);
        } finally {
            delete(work);
        }
    }

    private static long compile(List<Path> sources, Path out, String classPath, List<String> extra) throws IOException {
        return compile(
                sources,
                out,
                classPath,
                extra,
                extra.contains("-processor") ? "bench/compile/GeneratedSequencer.java" : null);
    }

    /** Compiles {@code sources}; {@code expected}, if not null, is a source the processor must have generated. */
    static long compile(List<Path> sources, Path out, String classPath, List<String> extra, String expected)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(out.resolve("classes"));
        Files.createDirectories(out.resolve("generated"));
        List<String> options = new ArrayList<>(List.of(
                "--release",
                "17",
                "-classpath",
                classPath,
                "-d",
                out.resolve("classes").toString(),
                "-s",
                out.resolve("generated").toString(),
                "-implicit:none"));
        options.addAll(extra);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        long t0 = System.nanoTime();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
        }
        long elapsed = System.nanoTime() - t0;
        if (!ok) {
            throw new IllegalStateException("B5 compile failed: " + diagnostics.getDiagnostics());
        }
        if (expected != null && !Files.exists(out.resolve("generated").resolve(expected))) {
            throw new IllegalStateException("B5: the processor did not write " + expected);
        }
        delete(out);
        return elapsed;
    }

    /** Copies the first {@code n} of the sources the build generated (resources under bench-b5/). */
    private static List<Path> extract(Path dir, int n) throws IOException {
        return extract(dir, "bench-b5", "index.txt", n);
    }

    /** Copies the first {@code n} sources listed in {@code root/index} (resources) to {@code dir}. */
    static List<Path> extract(Path dir, String root, String indexName, int n) throws IOException {
        List<Path> result = new ArrayList<>();
        List<String> index;
        try (InputStream in = resource(root + "/" + indexName)) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        if (n > index.size()) {
            throw new IllegalArgumentException(root + " has " + index.size() + " generated sources");
        }
        for (String name : index.subList(0, n)) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = resource(root + "/" + name)) {
                Files.copy(in, target);
            }
            result.add(target);
        }
        return result;
    }

    private static InputStream resource(String name) {
        InputStream in = B5CompileTime.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    /** The jar or directory each class came from: the shaded jar when run with java -jar. */
    static String classPath(Class<?>... types) {
        Set<String> paths = new LinkedHashSet<>();
        for (Class<?> type : types) {
            try {
                paths.add(Path.of(type.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, paths);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
