package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Builds operation sources and compiles them with the processor. */
final class TestSources {

    /** The header lines of every {@link #source}: the annotation written after them is on line 4. */
    static final int FIRST_LINE = 4;

    private TestSources() {}

    /**
     * A source in {@code com.example} (or the package of {@code qualifiedName}) importing {@code dev.sequencer.*} and
     * {@code dev.sequencer.annotation.*}; {@code lines} start at line {@value #FIRST_LINE}.
     */
    static JavaFileObject source(String qualifiedName, String... lines) {
        int dot = qualifiedName.lastIndexOf('.');
        List<String> all = new ArrayList<>();
        all.add(dot < 0 ? "" : "package " + qualifiedName.substring(0, dot) + ";");
        all.add("import dev.sequencer.*;");
        all.add("import dev.sequencer.annotation.*;");
        all.addAll(List.of(lines));
        return JavaFileObjects.forSourceLines(qualifiedName, all);
    }

    /** A valid operation {@code qualifiedName} with the given annotation line. */
    static JavaFileObject operation(String qualifiedName, String annotation) {
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        return source(
                qualifiedName,
                annotation,
                "public final class " + simpleName + " implements OperationHandler {",
                "    @Override public void handle(OperationContext context) {}",
                "}");
    }

    static Compilation compile(JavaFileObject... sources) {
        return compiler().compile(sources);
    }

    static Compiler compiler() {
        return Compiler.javac().withProcessors(new SequencerProcessor());
    }

    /**
     * The one-based column of {@code token} in line {@code line} (one-based) of {@code source}; a {@code ^} in the
     * token marks the column inside it ({@code "Other^.class"}: javac points at the dot of a class literal).
     */
    static int columnOf(JavaFileObject source, int line, String token) {
        String text = lines(source).get(line - 1);
        int caret = Math.max(0, token.indexOf('^'));
        int index = text.indexOf(token.replace("^", ""));
        assertWithMessage("token %s on line %s: %s", token, line, text)
                .that(index)
                .isAtLeast(0);
        return index + caret + 1;
    }

    /** Asserts exactly one error: {@code text}, in {@code source} at {@code line}, on {@code token}. */
    static void assertOnlyError(Compilation compilation, String text, JavaFileObject source, int line, String token) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertErrorAt(compilation, text, source, line, token);
    }

    static void assertErrorAt(Compilation compilation, String text, JavaFileObject source, int line, String token) {
        assertThat(compilation)
                .hadErrorContaining(text)
                .inFile(source)
                .onLine(line)
                .atColumn(columnOf(source, line, token));
    }

    static String generatedSource(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation
                .generatedFile(StandardLocation.SOURCE_OUTPUT, qualifiedName.replace('.', '/') + ".java")
                .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName));
        return content(file);
    }

    static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(JavaFileObject source) {
        return content(source).lines().toList();
    }
}
