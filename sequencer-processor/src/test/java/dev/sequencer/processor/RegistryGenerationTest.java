package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.compiler;
import static dev.sequencer.processor.TestSources.content;
import static dev.sequencer.processor.TestSources.generatedSource;
import static dev.sequencer.processor.TestSources.operation;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the processor writes: the registry source and its service entry. */
class RegistryGenerationTest {

    private static final String SERVICE_FILE = "META-INF/services/dev.sequencer.OperationRegistry";

    /** The golden file's text; on mismatch the actual text is left in target/golden-actual for review. */
    private static void assertMatchesGolden(String actual, String golden) throws IOException {
        String expected;
        try (InputStream in = RegistryGenerationTest.class.getResourceAsStream("/golden/" + golden)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Path out = Path.of("target", "golden-actual", golden);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static String serviceFile(Compilation compilation) {
        return content(compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE)
                .orElseThrow(() -> new AssertionError("no " + SERVICE_FILE)));
    }

    @Nested
    class GoldenFiles {

        @Test
        void registrySourceMatchesTheGoldenFile() throws IOException {
            Compilation compilation = compile(GoldenRegistry.sources().toArray(JavaFileObject[]::new));
            assertThat(compilation).succeeded();
            assertMatchesGolden(
                    generatedSource(compilation, "com.example.GeneratedSequencer"), "GeneratedSequencer.java");
        }

        @Test
        void serviceFileListsTheGeneratedRegistry() throws IOException {
            Compilation compilation = compile(GoldenRegistry.sources().toArray(JavaFileObject[]::new));
            assertMatchesGolden(serviceFile(compilation), "dev.sequencer.OperationRegistry");
        }

        @Test
        void generatesNothingWithoutOperations() {
            Compilation compilation = compile(TestSources.source("com.example.Plain", "public class Plain {}"));
            assertThat(compilation).succeededWithoutWarnings();
            assertThat(compilation.generatedSourceFiles()).isEmpty();
            assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE))
                    .isEmpty();
        }
    }

    @Nested
    class Determinism {

        @Test
        void sameSourcesInAnyOrderGiveByteIdenticalOutput() {
            List<JavaFileObject> sources = new ArrayList<>(GoldenRegistry.sources());
            String first =
                    generatedSource(compile(sources.toArray(JavaFileObject[]::new)), "com.example.GeneratedSequencer");
            String again =
                    generatedSource(compile(sources.toArray(JavaFileObject[]::new)), "com.example.GeneratedSequencer");
            Collections.reverse(sources);
            String reversed =
                    generatedSource(compile(sources.toArray(JavaFileObject[]::new)), "com.example.GeneratedSequencer");
            assertThat(again).isEqualTo(first);
            assertThat(reversed).isEqualTo(first);
        }

        @Test
        void ordersByTimestampThenName() {
            Compilation compilation = compile(
                    operation("com.example.Zeta", "@Operation(timestamp = \"2024_01_01_000000\")"),
                    operation("com.example.Alpha", "@Operation(timestamp = \"2024_01_01_000000\")"),
                    operation("com.example.Early", "@Operation(timestamp = \"2023_12_31_235959\")"));
            String source = generatedSource(compilation, "com.example.GeneratedSequencer");
            int early = source.indexOf("\"2023_12_31_235959_early\"");
            int alpha = source.indexOf("\"2024_01_01_000000_alpha\"");
            int zeta = source.indexOf("\"2024_01_01_000000_zeta\"");
            assertThat(early).isGreaterThan(0);
            assertThat(alpha).isGreaterThan(early);
            assertThat(zeta).isGreaterThan(alpha);
        }
    }

    @Nested
    class Package {

        @Test
        void usesThePackageOption() {
            Compilation compilation = compiler()
                    .withOptions("-Asequencer.package=com.acme.ops")
                    .compile(operation("com.example.Op", "@Operation(timestamp = \"2024_01_02_000000\")"));
            assertThat(compilation).succeeded();
            assertThat(generatedSource(compilation, "com.acme.ops.GeneratedSequencer"))
                    .startsWith("package com.acme.ops;");
            assertThat(serviceFile(compilation)).isEqualTo("com.acme.ops.GeneratedSequencer\n");
        }

        @Test
        void usesTheLongestCommonPackageBySegments() {
            Compilation compilation = compile(
                    operation("com.example.bill.A", "@Operation(timestamp = \"2024_01_02_000000\")"),
                    operation("com.example.billing.B", "@Operation(timestamp = \"2024_01_03_000000\")"),
                    operation("com.example.billing.tax.C", "@Operation(timestamp = \"2024_01_04_000000\")"));
            assertThat(compilation).succeeded();
            assertThat(generatedSource(compilation, "com.example.GeneratedSequencer"))
                    .startsWith("package com.example;");
        }

        @Test
        void usesTheOperationsPackageWhenThereIsOnlyOne() {
            Compilation compilation =
                    compile(operation("com.example.billing.A", "@Operation(timestamp = \"2024_01_02_000000\")"));
            assertThat(serviceFile(compilation)).isEqualTo("com.example.billing.GeneratedSequencer\n");
        }

        @Test
        void usesTheUnnamedPackageWhenNothingIsCommon() {
            Compilation compilation = compile(
                    operation("com.a.A", "@Operation(timestamp = \"2024_01_02_000000\")"),
                    operation("org.b.B", "@Operation(timestamp = \"2024_01_03_000000\")"));
            assertThat(compilation).succeeded();
            assertThat(generatedSource(compilation, "GeneratedSequencer")).doesNotContain("package ");
            assertThat(serviceFile(compilation)).isEqualTo("GeneratedSequencer\n");
        }
    }
}
