package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.assertOnlyError;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.generatedSource;
import static dev.sequencer.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The compile errors of {@code @Deferred} handlers: message (from {@link Message}), file, line, column and count. */
class DeferredValidationTest {

    private static final int ANNOTATION = 4;
    private static final int CLASS = 5;

    /** A valid handler {@code qualifiedName} with the given annotation line. */
    private static JavaFileObject handler(String qualifiedName, String annotation) {
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        return source(
                qualifiedName,
                annotation,
                "public final class " + simpleName + " implements DeferredHandler {",
                "    @Override public void handle(OperationContext context, String jsonPayload) {}",
                "}");
    }

    @Nested
    class Aliases {

        @Test
        void rejectsBlankAliasOnTheValue() {
            JavaFileObject handler = handler("com.example.Handler", "@Deferred(\" \")");
            assertOnlyError(compile(handler), Message.INVALID_ALIAS.format(" "), handler, ANNOTATION, "\" \"");
        }

        @Test
        void rejectsAliasWithASpace() {
            JavaFileObject handler = handler("com.example.Handler", "@Deferred(\"send reminder\")");
            assertOnlyError(
                    compile(handler), Message.INVALID_ALIAS.format("send reminder"), handler, ANNOTATION, "\"send");
        }

        @Test
        void rejectsAliasLongerThan100Characters() {
            String alias = "a".repeat(101);
            JavaFileObject handler = handler("com.example.Handler", "@Deferred(\"" + alias + "\")");
            assertOnlyError(compile(handler), Message.INVALID_ALIAS.format(alias), handler, ANNOTATION, "\"aaa");
        }

        @Test
        void rejectsDuplicateAliasOnTheSecondHandlerNamingTheFirst() {
            JavaFileObject first = handler("com.example.A", "@Deferred(\"same\")");
            JavaFileObject second = handler("com.example.b.B", "@Deferred(value = \"same\")");
            assertOnlyError(
                    compile(second, first),
                    Message.DUPLICATE_ALIAS.format("same", "com.example.A"),
                    second,
                    ANNOTATION,
                    "\"same\"");
        }
    }

    @Nested
    class ClassShape {

        @Test
        void rejectsClassNotImplementingDeferredHandler() {
            JavaFileObject handler = source(
                    "com.example.Handler",
                    "@Deferred(\"handler\")",
                    "public class Handler implements OperationHandler { public void handle(OperationContext c) {} }");
            assertOnlyError(
                    compile(handler),
                    Message.NOT_A_DEFERRED_HANDLER.format("com.example.Handler"),
                    handler,
                    CLASS,
                    "class");
        }

        @Test
        void rejectsNonPublicClass() {
            JavaFileObject handler = source(
                    "com.example.Handler",
                    "@Deferred(\"handler\")",
                    "final class Handler implements DeferredHandler { public void handle(OperationContext c, String j) {} }");
            assertOnlyError(
                    compile(handler),
                    Message.NOT_PUBLIC.format("@Deferred", "com.example.Handler"),
                    handler,
                    CLASS,
                    "class");
        }

        @Test
        void rejectsAbstractClass() {
            JavaFileObject handler = source(
                    "com.example.Handler",
                    "@Deferred(\"handler\")",
                    "public abstract class Handler implements DeferredHandler {}");
            assertOnlyError(
                    compile(handler),
                    Message.ABSTRACT_CLASS.format("@Deferred", "com.example.Handler"),
                    handler,
                    CLASS,
                    "class");
        }

        @Test
        void rejectsInnerClass() {
            JavaFileObject handler = source(
                    "com.example.Outer",
                    "public class Outer {",
                    "    @Deferred(\"handler\")",
                    "    public class Handler implements DeferredHandler {",
                    "        public void handle(OperationContext c, String j) {}",
                    "    }",
                    "}");
            assertOnlyError(
                    compile(handler),
                    Message.INNER_CLASS.format("@Deferred", "com.example.Outer.Handler"),
                    handler,
                    6,
                    "class");
        }

        @Test
        void rejectsHandlerThatIsAlsoAnOperationOnTheDeferredAnnotation() {
            JavaFileObject both = source(
                    "com.example.Both",
                    "@Operation(timestamp = \"2024_01_02_000000\")",
                    "@Deferred(\"both\")",
                    "public final class Both implements OperationHandler, DeferredHandler {",
                    "    public void handle(OperationContext c) {}",
                    "    public void handle(OperationContext c, String j) {}",
                    "}");
            assertOnlyError(
                    compile(both), Message.DEFERRED_WITH_OPERATION.format("com.example.Both"), both, 5, "@Deferred");
        }
    }

    @Nested
    class Generation {

        @Test
        void handlersAloneGenerateTheRegistryInTheirPackage() {
            Compilation compilation = compile(handler("com.example.jobs.Handler", "@Deferred(\"handler\")"));
            assertThat(compilation).succeededWithoutWarnings();
            String registry = generatedSource(compilation, "com.example.jobs.GeneratedSequencer");
            assertThat(registry).contains("REGISTRY = List.of();");
            assertThat(registry)
                    .contains(
                            "new DeferredDescriptor(\"handler\", \"com.example.jobs.Handler\", true, new DeferredPart(0))");
        }

        @Test
        void moreThan200HandlersAreSplitIntoParts() {
            JavaFileObject[] handlers = new JavaFileObject[201];
            for (int i = 0; i < handlers.length; i++) {
                handlers[i] = handler("com.example.H" + i, "@Deferred(\"h" + i + "\")");
            }
            Compilation compilation = compile(handlers);
            assertThat(compilation).succeeded();
            String registry = generatedSource(compilation, "com.example.GeneratedSequencer");
            assertThat(registry)
                    .contains("DEFERRED = Stream.of(DeferredPart0.handlers(), DeferredPart1.handlers())"
                            + ".flatMap(List::stream).toList();");
            assertThat(registry).doesNotContain("class DeferredPart2 ");
        }
    }
}
