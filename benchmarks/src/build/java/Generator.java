import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the benchmark inputs at build time (run by exec-maven-plugin with the Java source launcher in
 * generate-sources): no-op operations, no-op Flyway Java migrations, SQL migrations and the sources B5 compiles.
 * Files whose content did not change are left alone, so incremental builds stay incremental.
 *
 * <p>Usage: {@code java Generator.java <target dir> <big N>}
 */
public final class Generator {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy_MM_dd_HHmmss");
    private static final LocalDateTime EPOCH = LocalDateTime.of(2020, 1, 1, 0, 0, 0);
    static final int SMALL = 1_000;
    static final int SQL_MIGRATIONS = 200;
    static final int COMPILE_SOURCES = 2_000;

    private static int written;

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        int big = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        // Each set is compiled separately (see pom.xml) so that each gets its own GeneratedSequencer.
        operations(target.resolve("generated-sources/bench-ops-small"), "bench.ops1k", SMALL);
        migrations(target.resolve("generated-sources/bench-ops-small"), "bench.migrations1k", SMALL);
        Path bigRoot = target.resolve("generated-sources/bench-ops-big");
        if (big > 0) {
            operations(bigRoot, "bench.ops", big);
            migrations(bigRoot, "bench.migrations", big);
        } else {
            deleteTree(bigRoot);
        }
        Path resources = target.resolve("generated-resources/bench");
        for (int i = 1; i <= SQL_MIGRATIONS; i++) {
            write(resources.resolve("bench/sql/V" + i + "__bench.sql"),
                    "create table b4_t" + i + " (id integer primary key, label varchar(40));\n");
        }
        write(resources.resolve("bench/none/README.txt"), "An empty Flyway location.\n");
        List<String> index = new ArrayList<>();
        for (int i = 0; i < COMPILE_SOURCES; i++) {
            String name = "CompileOp" + pad(i);
            index.add("bench/compile/" + name + ".java");
            write(resources.resolve("bench-b5/bench/compile/" + name + ".java"), operation("bench.compile", name, i));
        }
        write(resources.resolve("bench-b5/index.txt"), String.join("\n", index) + "\n");
        System.out.printf("Generator: %d big operations and migrations, %d files (re)written in %d ms%n",
                big, written, (System.nanoTime() - start) / 1_000_000);
    }

    private static void operations(Path root, String pkg, int n) throws IOException {
        Path dir = root.resolve(pkg.replace('.', '/'));
        for (int i = 0; i < n; i++) {
            String name = "Op" + pad(i);
            write(dir.resolve(name + ".java"), operation(pkg, name, i));
        }
        prune(dir, n, "Op");
    }

    static String operation(String pkg, String name, int i) {
        return "package " + pkg + ";\n\n"
                + "import dev.sequencer.OperationContext;\n"
                + "import dev.sequencer.OperationHandler;\n"
                + "import dev.sequencer.annotation.Operation;\n\n"
                + "@Operation(timestamp = \"" + EPOCH.plusSeconds(i).format(TS) + "\")\n"
                + "public final class " + name + " implements OperationHandler {\n"
                + "    @Override\n"
                + "    public void handle(OperationContext context) {}\n"
                + "}\n";
    }

    private static void migrations(Path root, String pkg, int n) throws IOException {
        Path dir = root.resolve(pkg.replace('.', '/'));
        StringBuilder all = new StringBuilder("package " + pkg + ";\n\n"
                + "import java.util.List;\n"
                + "import org.flywaydb.core.api.migration.JavaMigration;\n\n"
                + "/** The migrations of this package, built without scanning. */\n"
                + "public final class AllMigrations {\n"
                + "    private AllMigrations() {}\n\n");
        int chunk = 500; // keep each method far below 64 KB
        for (int from = 0; from < n; from += chunk) {
            all.append("    private static void part").append(from / chunk).append("(List<JavaMigration> l) {\n");
            for (int i = from; i < Math.min(n, from + chunk); i++) {
                all.append("        l.add(new V").append(i + 1).append("__Bench());\n");
            }
            all.append("    }\n\n");
        }
        all.append("    public static JavaMigration[] all() {\n"
                + "        List<JavaMigration> l = new java.util.ArrayList<>(" + n + ");\n");
        for (int from = 0; from < n; from += chunk) {
            all.append("        part").append(from / chunk).append("(l);\n");
        }
        all.append("        return l.toArray(new JavaMigration[0]);\n    }\n}\n");
        write(dir.resolve("AllMigrations.java"), all.toString());
        for (int i = 1; i <= n; i++) {
            write(dir.resolve("V" + i + "__Bench.java"), "package " + pkg + ";\n\n"
                    + "import org.flywaydb.core.api.migration.BaseJavaMigration;\n"
                    + "import org.flywaydb.core.api.migration.Context;\n\n"
                    + "public final class V" + i + "__Bench extends BaseJavaMigration {\n"
                    + "    @Override\n"
                    + "    public void migrate(Context context) {}\n"
                    + "}\n");
        }
        prune(dir, n, "V");
    }

    /** Deletes files left from a larger earlier run (switching between -Pfull and the default). */
    private static void prune(Path dir, int n, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String f = p.getFileName().toString();
                if (!f.startsWith(prefix) || !f.endsWith(".java")) {
                    continue;
                }
                String digits = f.substring(prefix.length(), f.indexOf(prefix.equals("V") ? "__" : "."));
                int number = Integer.parseInt(digits);
                if (prefix.equals("V") ? number > n : number >= n) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String pad(int i) {
        return String.format("%05d", i);
    }

    private static void write(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        written++;
    }
}
