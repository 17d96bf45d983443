package dev.sequencer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new NAME}: where the class goes, what it holds, that it compiles, and what is refused. */
class CliNewTest {

    @TempDir
    Path module;

    private Path sources;

    /** A Maven module with one operation in {@code com.example.ops}. */
    @BeforeEach
    void aModuleWithAnOperation() throws IOException {
        Files.writeString(module.resolve("pom.xml"), "<project><artifactId>shop</artifactId></project>");
        sources = module.resolve("src/main/java");
        write("com/example/ops/SeedAdmin.java", operation("com.example.ops", "SeedAdmin", "2024_01_02_000000"));
        write("com/example/App.java", "package com.example;\n\npublic class App {}\n");
    }

    @Test
    void newWritesAnOperationStampedWithTheCurrentUtcTimeInThePackageOfTheOperations() throws IOException {
        CliRunner.Result result = CliRunner.pipe().in(module).run("new", "SeedPlans");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path file = Path.of("src/main/java/com/example/ops/SeedPlans.java");
        assertThat(result.out()).isEqualTo(file + "\n");
        String source = Files.readString(module.resolve(file));
        assertThat(source)
                .startsWith("package com.example.ops;\n")
                .contains("@Operation(timestamp = \"2026_03_04_050607\")\n")
                .contains("public final class SeedPlans implements OperationHandler {")
                .doesNotContain("Asynchronous");
    }

    @Test
    void asyncMakesItAsynchronous() throws IOException {
        CliRunner.Result result = CliRunner.pipe().in(module).run("new", "SendNewsletter", "--async");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(module.resolve(result.out().strip())))
                .contains("import dev.sequencer.annotation.Asynchronous;")
                .contains("@Asynchronous\n@Operation(");
    }

    @Test
    void theNewClassCompilesWithTheProcessorIntoTheRegistry() throws IOException {
        CliRunner.Result result = CliRunner.pipe().in(module).run("new", "SeedPlans", "--async");
        Path classes = Files.createDirectories(module.resolve("target/classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> files;
        try (Stream<Path> all = Files.walk(sources)) {
            files = all.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        String[] arguments = Stream.concat(
                        Stream.of(
                                "-classpath",
                                System.getProperty("java.class.path"),
                                "-d",
                                classes.toString(),
                                "-Asequencer.package=com.example"),
                        files.stream())
                .toArray(String[]::new);
        int exitCode = javac.run(null, diagnostics, diagnostics, arguments);

        assertThat(exitCode).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(diagnostics.toString(StandardCharsets.UTF_8)).doesNotContain("error", "warning");
        String registry = Files.readString(
                module.resolve("target/classes/META-INF/sequencer/registry-com.example.index"), StandardCharsets.UTF_8);
        assertThat(registry).contains("com.example.ops.SeedPlans", "com.example.ops.SeedAdmin");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void thePackageIsThatOfTheNewestOperation() throws IOException {
        write(
                "com/example/billing/FixInvoices.java",
                operation("com.example.billing", "FixInvoices", "20250101000000"));

        CliRunner.Result result = CliRunner.pipe().in(module.resolve("src")).run("new", "SeedPlans");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(Path.of("main/java/com/example/billing/SeedPlans.java") + "\n");
    }

    @Test
    void dirAndPackageChooseTheLocation() throws IOException {
        Path elsewhere = module.resolve("other");

        CliRunner.Result result =
                CliRunner.pipe().in(module).run("new", "SeedPlans", "--dir", "other", "--package", "org.acme.once");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(elsewhere.resolve("org/acme/once/SeedPlans.java")).exists();
        assertThat(result.out()).isEqualTo(Path.of("other/org/acme/once/SeedPlans.java") + "\n");
    }

    @Test
    void aNameThatIsNotAJavaClassNameIsRefused() {
        for (String name : List.of("2Plans", "seed-plans", "class", "Seed$Plans")) {
            CliRunner.Result result = CliRunner.pipe().in(module).run("new", name);

            assertThat(result.exitCode()).as(name).isEqualTo(2);
            assertThat(result.err())
                    .startsWith("error: '" + name + "' is not a Java class name: start with a letter, then letters,"
                            + " digits or _ (e.g. SeedPlans)");
        }
        assertThat(sources.resolve("com/example/ops").toFile().list()).containsExactly("SeedAdmin.java");
    }

    @Test
    void aClassThatExistsIsRefused() throws IOException {
        CliRunner.Result result = CliRunner.pipe().in(module).run("new", "SeedAdmin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: Class com.example.ops.SeedAdmin exists already (src/main/java/com/example/ops/"
                        + "SeedAdmin.java); choose another name");
        assertThat(Files.readString(sources.resolve("com/example/ops/SeedAdmin.java")))
                .contains("2024_01_02_000000");
    }

    @Test
    void anAggregatorIsNotAModule() throws IOException {
        Files.writeString(module.resolve("pom.xml"), "<project><packaging>pom</packaging></project>");

        CliRunner.Result result = CliRunner.pipe().in(module).run("new", "SeedPlans");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is a Maven aggregator (packaging pom)", "pass --dir");
    }

    @Test
    void withoutAnOperationToFollowThePackageMustBeGiven() {
        CliRunner.Result result = CliRunner.pipe().in(module).run("new", "SeedPlans", "--dir", "empty");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No @Operation class under", "pass --package");
    }

    private void write(String path, String source) throws IOException {
        Path file = sources.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    private static String operation(String packageName, String className, String timestamp) {
        return "package " + packageName + ";\n\n"
                + "import dev.sequencer.OperationContext;\n"
                + "import dev.sequencer.OperationHandler;\n"
                + "import dev.sequencer.annotation.Operation;\n\n"
                + "@Operation(timestamp = \"" + timestamp + "\")\n"
                + "public final class " + className + " implements OperationHandler {\n"
                + "    @Override\n"
                + "    public void handle(OperationContext context) {}\n"
                + "}\n";
    }
}
