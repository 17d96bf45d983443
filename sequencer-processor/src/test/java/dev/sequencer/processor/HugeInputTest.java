package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.operation;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.sequencer.OperationDescriptor;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Inputs far larger than any project writes by hand are still checked, never crash javac. */
class HugeInputTest {

    private static final int CHAIN = 6_000;

    @Test
    void dependsOnChainOf6000OperationsCompiles() {
        Compilation compilation = compile(chain(CHAIN));

        assertThat(compilation).succeeded();
        List<OperationDescriptor> registry =
                LoadedRegistry.operations(compilation, "com.example.chain.GeneratedSequencer");
        assertThat(registry).hasSize(CHAIN);
        assertThat(registry.get(0).name()).isEqualTo("2020_01_01_000000_c5999");
        assertThat(registry.get(CHAIN - 1).dependsOn())
                .containsExactly(registry.get(CHAIN - 2).name());
    }

    @Test
    void afterMigrationWithTenThousandPartsIsAcceptedAndKept() {
        String version = "1" + ".2".repeat(9_999);
        Compilation compilation = compile(operation(
                "com.example.Op",
                "@Operation(timestamp = \"2024_01_02_000000\", afterMigration = \"" + version + "\")"));

        assertThat(compilation).succeeded();
        assertThat(LoadedRegistry.operations(compilation).get(0).afterMigration())
                .isEqualTo(version);
    }

    @Test
    void afterMigrationWithTenThousandPartsAndABadEndIsAnError() {
        String version = "1" + ".2".repeat(9_999) + ".";
        Compilation compilation = compile(operation(
                "com.example.Op",
                "@Operation(timestamp = \"2024_01_02_000000\", afterMigration = \"" + version + "\")"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Message.INVALID_AFTER_MIGRATION.format(version));
    }

    /**
     * One source with {@code count} nested operations {@code C0000}, {@code C0001}, ..., each depending on the next
     * one, which runs a second earlier: the first class by name is the last to run, so a walk in name order goes the
     * whole length of the chain.
     */
    private static JavaFileObject chain(int count) {
        StringBuilder source = new StringBuilder("package com.example.chain;\npublic final class Chain {\n");
        for (int i = 0; i < count; i++) {
            source.append("  @dev.sequencer.annotation.Operation(timestamp = \"2020_01_01_")
                    .append(time(count - 1 - i))
                    .append('"')
                    .append(i == count - 1 ? "" : ", dependsOn = " + className(i + 1) + ".class")
                    .append(")\n  public static final class ")
                    .append(className(i))
                    .append(" implements dev.sequencer.OperationHandler {\n")
                    .append("    public void handle(dev.sequencer.OperationContext c) {}\n  }\n");
        }
        return JavaFileObjects.forSourceString(
                "com.example.chain.Chain", source.append("}\n").toString());
    }

    private static String className(int i) {
        return String.format(java.util.Locale.ROOT, "C%04d", i);
    }

    /** {@code HHmmss} of the {@code i}-th second of a day. */
    private static String time(int i) {
        return LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(i).format(DateTimeFormatter.ofPattern("HHmmss"));
    }
}
