package dev.sequencer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.assertOnlyError;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.operation;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A name derived from timestamp and class name obeys the rule of explicit names (the history table's column holds
 * 191 characters of letters, digits, '_', '-' and '.'), checked at compile time on the class.
 */
class DerivedNameTest {

    private static final int CLASS = 5;

    @Test
    void rejectsDerivedNameLongerThan191CharactersOnTheClass() {
        String simpleName = "Backfill" + "A".repeat(170);
        JavaFileObject op = operation("com.example." + simpleName, "@Operation(timestamp = \"2024_01_02_000000\")");
        String derived = OperationNames.derive("20240102000000", simpleName);
        assertOnlyError(
                compile(op),
                Message.INVALID_DERIVED_NAME.format(derived, "com.example." + simpleName),
                op,
                CLASS,
                "class");
    }

    @Test
    void rejectsDollarSignInTheDerivedName() {
        JavaFileObject op = operation("com.example.Price$Fix", "@Operation(timestamp = \"2024_01_02_000000\")");
        assertOnlyError(
                compile(op),
                Message.INVALID_DERIVED_NAME.format("2024_01_02_000000_price$fix", "com.example.Price$Fix"),
                op,
                CLASS,
                "class");
    }

    @Test
    void rejectsNonAsciiLettersInTheDerivedName() {
        JavaFileObject op = operation("com.example.GrößeSetzen", "@Operation(timestamp = \"2024_01_02_000000\")");
        assertOnlyError(
                compile(op),
                Message.INVALID_DERIVED_NAME.format("2024_01_02_000000_größe_setzen", "com.example.GrößeSetzen"),
                op,
                CLASS,
                "class");
    }

    @Test
    void acceptsSuchAClassWithAnExplicitName() {
        JavaFileObject op = operation(
                "com.example.GrößeSetzen", "@Operation(timestamp = \"2024_01_02_000000\", name = \"set_size\")");
        assertThat(compile(op)).succeeded();
    }
}
