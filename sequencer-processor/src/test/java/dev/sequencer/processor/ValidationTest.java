package dev.sequencer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.assertErrorAt;
import static dev.sequencer.processor.TestSources.assertOnlyError;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.operation;
import static dev.sequencer.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every compile error of the processor: message (from {@link Message}), file, line, column and count. */
class ValidationTest {

    private static final int ANNOTATION = 4;
    private static final int CLASS = 5;

    private static JavaFileObject earlier() {
        return operation("com.example.Earlier", "@Operation(timestamp = \"2024_01_01_000000\")");
    }

    @Nested
    class Timestamps {

        @Test
        void rejectsMalformedTimestampOnTheTimestampValue() {
            JavaFileObject op = operation("com.example.Op", "@Operation(timestamp = \"2024-01-02 00:00\")");
            assertOnlyError(
                    compile(op), Message.TIMESTAMP_MALFORMED.format("2024-01-02 00:00"), op, ANNOTATION, "\"2024-");
        }

        @Test
        void rejectsTimestampWithTooFewDigits() {
            JavaFileObject op = operation("com.example.Op", "@Operation(timestamp = \"2024010200000\")");
            assertOnlyError(compile(op), Message.TIMESTAMP_MALFORMED.format("2024010200000"), op, ANNOTATION, "\"2024");
        }

        @Test
        void rejectsImpossibleTimestampOnTheTimestampValue() {
            JavaFileObject op = operation("com.example.Op", "@Operation(timestamp = \"2023_02_29_000000\")");
            assertOnlyError(
                    compile(op), Message.TIMESTAMP_IMPOSSIBLE.format("2023_02_29_000000"), op, ANNOTATION, "\"2023");
        }

        @Test
        void rejectsMonthThirteenAndHourTwentyFourInTheDigitForm() {
            JavaFileObject month = operation("com.example.Month", "@Operation(timestamp = \"20241301000000\")");
            JavaFileObject hour = operation("com.example.Hour", "@Operation(timestamp = \"20240101240000\")");
            Compilation compilation = compile(month, hour);
            assertThat(compilation).hadErrorCount(2);
            assertErrorAt(compilation, Message.TIMESTAMP_IMPOSSIBLE.format("20241301000000"), month, ANNOTATION, "\"");
            assertErrorAt(compilation, Message.TIMESTAMP_IMPOSSIBLE.format("20240101240000"), hour, ANNOTATION, "\"");
        }

        @Test
        void acceptsLeapDayAndBothForms() {
            assertThat(compile(
                            operation("com.example.Leap", "@Operation(timestamp = \"2024_02_29_235959\")"),
                            operation("com.example.Digits", "@Operation(timestamp = \"20240229235959\")")))
                    .succeeded();
        }
    }

    @Nested
    class Names {

        @Test
        void rejectsInvalidExplicitNameOnTheNameValue() {
            JavaFileObject op =
                    operation("com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\", name = \"seed admin\")");
            assertOnlyError(compile(op), Message.INVALID_NAME.format("seed admin"), op, ANNOTATION, "\"seed");
        }

        @Test
        void rejectsBlankExplicitName() {
            JavaFileObject op =
                    operation("com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\", name = \"  \")");
            assertOnlyError(compile(op), Message.INVALID_NAME.format("  "), op, ANNOTATION, "\"  \"");
        }

        @Test
        void rejectsNameLongerThan191Characters() {
            String name = "n".repeat(192);
            JavaFileObject op = operation(
                    "com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\", name = \"" + name + "\")");
            assertOnlyError(compile(op), Message.INVALID_NAME.format(name), op, ANNOTATION, "\"nnn");
        }

        @Test
        void rejectsDuplicateExplicitNameOnTheSecondOperationNamingTheFirst() {
            JavaFileObject first =
                    operation("com.example.A", "@Operation(timestamp = \"2024_01_02_000000\", name = \"same\")");
            JavaFileObject second =
                    operation("com.example.B", "@Operation(timestamp = \"2024_01_03_000000\", name = \"same\")");
            assertOnlyError(
                    compile(second, first),
                    Message.DUPLICATE_NAME.format("same", "com.example.A"),
                    second,
                    ANNOTATION,
                    "\"same\"");
        }

        @Test
        void rejectsDuplicateDerivedNameOnTheClass() {
            JavaFileObject first = operation("com.example.a.Seed", "@Operation(timestamp = \"2024_01_02_000000\")");
            JavaFileObject second = operation("com.example.b.Seed", "@Operation(timestamp = \"20240102000000\")");
            assertOnlyError(
                    compile(first, second),
                    Message.DUPLICATE_NAME.format("2024_01_02_000000_seed", "com.example.a.Seed"),
                    second,
                    CLASS,
                    "class");
        }
    }

    @Nested
    class ClassShape {

        @Test
        void rejectsClassNotImplementingOperationHandler() {
            JavaFileObject op =
                    source("com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\")", "public class Op {}");
            assertOnlyError(compile(op), Message.NOT_AN_OPERATION_HANDLER.format("com.example.Op"), op, CLASS, "class");
        }

        @Test
        void rejectsAbstractClass() {
            JavaFileObject op = source(
                    "com.example.Op",
                    "@Operation(timestamp = \"2024_01_02_000000\")",
                    "public abstract class Op implements OperationHandler {}");
            assertOnlyError(
                    compile(op), Message.ABSTRACT_CLASS.format("@Operation", "com.example.Op"), op, CLASS, "class");
        }

        @Test
        void rejectsInterface() {
            JavaFileObject op = source(
                    "com.example.Op",
                    "@Operation(timestamp = \"2024_01_02_000000\")",
                    "public interface Op extends OperationHandler {}");
            assertOnlyError(
                    compile(op),
                    Message.NOT_A_CLASS.format("@Operation", "interface", "com.example.Op"),
                    op,
                    CLASS,
                    "interface");
        }

        @Test
        void rejectsEnum() {
            JavaFileObject op = source(
                    "com.example.Op",
                    "@Operation(timestamp = \"2024_01_02_000000\")",
                    "public enum Op implements OperationHandler { A; public void handle(OperationContext c) {} }");
            assertOnlyError(
                    compile(op), Message.NOT_A_CLASS.format("@Operation", "enum", "com.example.Op"), op, CLASS, "enum");
        }

        @Test
        void acceptsRecordImplementingOperationHandler() {
            JavaFileObject op = source(
                    "com.example.Op",
                    "@Operation(timestamp = \"2024_01_02_000000\")",
                    "public record Op() implements OperationHandler { public void handle(OperationContext c) {} }");
            assertThat(compile(op)).succeeded();
        }

        @Test
        void rejectsNonPublicClass() {
            JavaFileObject op = source(
                    "com.example.Op",
                    "@Operation(timestamp = \"2024_01_02_000000\")",
                    "final class Op implements OperationHandler { public void handle(OperationContext c) {} }");
            assertOnlyError(compile(op), Message.NOT_PUBLIC.format("@Operation", "com.example.Op"), op, CLASS, "class");
        }

        @Test
        void rejectsInnerClass() {
            JavaFileObject op = source(
                    "com.example.Outer",
                    "public class Outer {",
                    "    @Operation(timestamp = \"2024_01_02_000000\")",
                    "    public class Op implements OperationHandler { public void handle(OperationContext c) {} }",
                    "}");
            assertOnlyError(
                    compile(op), Message.INNER_CLASS.format("@Operation", "com.example.Outer.Op"), op, 6, "class");
        }

        @Test
        void rejectsStaticClassNestedInNonPublicClass() {
            JavaFileObject op = source(
                    "com.example.Outer",
                    "class Outer {",
                    "    @Operation(timestamp = \"2024_01_02_000000\")",
                    "    public static class Op implements OperationHandler {",
                    "        public void handle(OperationContext c) {}",
                    "    }",
                    "}");
            assertOnlyError(
                    compile(op),
                    Message.ENCLOSING_NOT_PUBLIC.format("@Operation", "com.example.Outer.Op", "com.example.Outer"),
                    op,
                    6,
                    "class");
        }
    }

    @Nested
    class Dependencies {

        @Test
        void rejectsDependencyOnNonOperationOnTheEntry() {
            JavaFileObject op = operation(
                    "com.example.Op",
                    "@Operation(timestamp = \"2024_01_02_000000\", dependsOn = {Earlier.class, String.class})");
            assertOnlyError(
                    compile(op, earlier()),
                    Message.DEPENDENCY_NOT_AN_OPERATION.format("Op", "java.lang.String"),
                    op,
                    ANNOTATION,
                    "String^.class");
        }

        @Test
        void rejectsDependencyOnItself() {
            JavaFileObject op =
                    operation("com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\", dependsOn = Op.class)");
            assertOnlyError(compile(op), Message.DEPENDS_ON_ITSELF.format("Op"), op, ANNOTATION, "Op^.class");
        }

        @Test
        void rejectsDependencyOnLaterOperation() {
            JavaFileObject op = operation(
                    "com.example.Op", "@Operation(timestamp = \"2023_12_31_000000\", dependsOn = Earlier.class)");
            assertOnlyError(
                    compile(op, earlier()),
                    Message.DEPENDS_ON_LATER.format("Op", "Earlier", "2024_01_01_000000_earlier"),
                    op,
                    ANNOTATION,
                    "Earlier^.class");
        }

        @Test
        void rejectsDependencyWithEqualTimestampAndLaterName() {
            JavaFileObject op = operation(
                    "com.example.Op",
                    "@Operation(timestamp = \"2024_01_01_000000\", name = \"2024_01_01_000000_a\", dependsOn = Earlier.class)");
            assertOnlyError(
                    compile(op, earlier()),
                    Message.DEPENDS_ON_LATER.format("Op", "Earlier", "2024_01_01_000000_earlier"),
                    op,
                    ANNOTATION,
                    "Earlier^.class");
        }

        @Test
        void reportsCycleNamingThePathOnEveryEdge() {
            JavaFileObject a =
                    operation("com.example.A", "@Operation(timestamp = \"2024_01_01_000000\", dependsOn = B.class)");
            JavaFileObject b =
                    operation("com.example.B", "@Operation(timestamp = \"2024_01_02_000000\", dependsOn = C.class)");
            JavaFileObject c =
                    operation("com.example.C", "@Operation(timestamp = \"2024_01_03_000000\", dependsOn = A.class)");
            Compilation compilation = compile(a, b, c);
            assertThat(compilation).hadErrorCount(3);
            assertErrorAt(compilation, Message.DEPENDENCY_CYCLE.format("A -> B -> C -> A"), a, ANNOTATION, "B^.class");
            assertErrorAt(compilation, Message.DEPENDENCY_CYCLE.format("B -> C -> A -> B"), b, ANNOTATION, "C^.class");
            assertErrorAt(compilation, Message.DEPENDENCY_CYCLE.format("C -> A -> B -> C"), c, ANNOTATION, "A^.class");
        }

        @Test
        void acceptsDependencyOnEarlierOperation() {
            JavaFileObject op = operation(
                    "com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\", dependsOn = Earlier.class)");
            assertThat(compile(op, earlier())).succeeded();
        }
    }

    @Nested
    class Attributes {

        @Test
        void rejectsAfterMigrationThatIsNotAFlywayVersion() {
            JavaFileObject op = operation(
                    "com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\", afterMigration = \"2.\")");
            assertOnlyError(compile(op), Message.INVALID_AFTER_MIGRATION.format("2."), op, ANNOTATION, "\"2.\"");
        }

        @Test
        void acceptsFlywayVersions() {
            assertThat(compile(
                            operation(
                                    "com.example.A",
                                    "@Operation(timestamp = \"20240101000000\", afterMigration = \"2\")"),
                            operation(
                                    "com.example.B",
                                    "@Operation(timestamp = \"20240102000000\", afterMigration = \"2.1\")"),
                            operation(
                                    "com.example.C",
                                    "@Operation(timestamp = \"20240103000000\", afterMigration = \"1_0_3\")")))
                    .succeeded();
        }

        @Test
        void rejectsBlankTagOnTheTag() {
            JavaFileObject op = operation(
                    "com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\", tags = {\"billing\", \" \"})");
            assertOnlyError(compile(op), Message.BLANK_TAG.format(), op, ANNOTATION, "\" \"");
        }

        @Test
        void rejectsRepeatedTagOnTheRepetition() {
            JavaFileObject op = operation(
                    "com.example.Op",
                    "@Operation(timestamp = \"2024_01_02_000000\", tags = {\"billing\", \"billing\"})");
            assertOnlyError(compile(op), Message.DUPLICATE_TAG.format("billing"), op, ANNOTATION, "\"billing\"}");
        }

        @Test
        void rejectsAsynchronousWithoutOperation() {
            JavaFileObject op = source(
                    "com.example.Op",
                    "@Asynchronous",
                    "public final class Op implements OperationHandler { public void handle(OperationContext c) {} }");
            assertOnlyError(compile(op), Message.ASYNCHRONOUS_WITHOUT_OPERATION.format("Op"), op, CLASS, "class");
        }
    }

    @Nested
    class Reporting {

        @Test
        void reportsTheErrorsOfEveryBadClassInOneBuild() {
            JavaFileObject badTimestamp = operation("com.example.A", "@Operation(timestamp = \"tomorrow\")");
            JavaFileObject notPublic = source(
                    "com.example.B",
                    "@Operation(timestamp = \"2024_01_02_000000\")",
                    "final class B implements OperationHandler { public void handle(OperationContext c) {} }");
            Compilation compilation = compile(badTimestamp, notPublic);
            assertThat(compilation).hadErrorCount(2);
            assertErrorAt(compilation, Message.TIMESTAMP_MALFORMED.format("tomorrow"), badTimestamp, ANNOTATION, "\"");
            assertErrorAt(
                    compilation, Message.NOT_PUBLIC.format("@Operation", "com.example.B"), notPublic, CLASS, "class");
        }

        @Test
        void rejectsInvalidPackageOption() {
            Compilation compilation = TestSources.compiler()
                    .withOptions("-Asequencer.package=com..example")
                    .compile(earlier());
            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation).hadErrorContaining(Message.INVALID_PACKAGE_OPTION.format("com..example"));
        }
    }
}
