package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.compiler;
import static dev.sequencer.processor.TestSources.content;
import static dev.sequencer.processor.TestSources.generatedSource;
import static dev.sequencer.processor.TestSources.operation;

import com.google.testing.compile.Compilation;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** What the golden registry decodes to when it is compiled and loaded. */
    @Nested
    class Descriptors {

        private final List<OperationDescriptor> registry =
                LoadedRegistry.operations(compile(GoldenRegistry.sources().toArray(JavaFileObject[]::new)));

        private OperationDescriptor named(String name) {
            return registry.stream()
                    .filter(descriptor -> descriptor.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name));
        }

        @Test
        void holdsEveryOperationInOrder() {
            assertThat(registry.stream().map(OperationDescriptor::name).toList())
                    .containsExactly(
                            "2024_01_02_000000_seed_admin_user",
                            "2024_01_03_000000_reencrypt_emails",
                            "backfill-invoices",
                            "2024_01_05_000000_send_welcome_mails",
                            "2024_01_06_000000_purge_sessions",
                            "2024_01_07_000000_http_import",
                            "2024_01_08_000000_recalculate_balances")
                    .inOrder();
        }

        @Test
        void plainOperationHasTheDefaults() {
            OperationDescriptor seed = named("2024_01_02_000000_seed_admin_user");
            assertThat(seed.timestamp()).isEqualTo("20240102000000");
            assertThat(seed.className()).isEqualTo("com.example.SeedAdminUser");
            assertThat(seed.description()).isEmpty();
            assertThat(seed.tags()).isEmpty();
            assertThat(seed.dependsOn()).isEmpty();
            assertThat(seed.afterMigration()).isNull();
            assertThat(seed.transactional()).isTrue();
            assertThat(seed.asynchronous()).isFalse();
            assertThat(seed.constructible()).isTrue();
            assertThat(seed.policy()).isSameInstanceAs(OperationPolicy.DEFAULT);
        }

        @Test
        void explicitAttributesAreKept() {
            OperationDescriptor backfill = named("backfill-invoices");
            assertThat(backfill.timestamp()).isEqualTo("20240104000000");
            assertThat(backfill.description()).isEqualTo("Fills invoices.total from the \"lines\" table");
            assertThat(backfill.tags()).containsExactly("billing", "slow").inOrder();
            assertThat(backfill.dependsOn())
                    .containsExactly("2024_01_02_000000_seed_admin_user", "2024_01_03_000000_reencrypt_emails")
                    .inOrder();
            assertThat(backfill.afterMigration()).isEqualTo("2.1");
            assertThat(backfill.transactional()).isFalse();
        }

        @Test
        void flagsAndBinaryNames() {
            assertThat(named("2024_01_05_000000_send_welcome_mails").asynchronous())
                    .isTrue();
            assertThat(named("2024_01_06_000000_purge_sessions").className())
                    .isEqualTo("com.example.Maintenance$PurgeSessions");
            OperationDescriptor httpImport = named("2024_01_07_000000_http_import");
            assertThat(httpImport.constructible()).isFalse();
            assertThat(httpImport.source().newInstance()).isNull();
            assertThat(httpImport.source().type().getName()).isEqualTo("com.example.HTTPImport");
        }

        @Test
        void policyAnnotationsBecomeThePolicy() {
            assertThat(named("2024_01_08_000000_recalculate_balances").policy())
                    .isEqualTo(new OperationPolicy(
                            4,
                            List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(2)),
                            Duration.ofSeconds(30),
                            true,
                            List.of("production", "staging-*")));
        }

        @Test
        void separatorsInADescriptionBecomeSpaces() {
            Compilation compilation = compile(
                    operation(
                            "com.example.Odd",
                            "@Operation(timestamp = \"2024_01_02_000000\", description = \"a\\u001fb\\u001ec\", tags = \"t\")"));
            OperationDescriptor odd = LoadedRegistry.operations(compilation).get(0);
            assertThat(odd.description()).isEqualTo("a b c");
            assertThat(odd.tags()).containsExactly("t");
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
            assertThat(LoadedRegistry.operations(compilation).stream()
                            .map(OperationDescriptor::name)
                            .toList())
                    .containsExactly("2023_12_31_235959_early", "2024_01_01_000000_alpha", "2024_01_01_000000_zeta")
                    .inOrder();
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
