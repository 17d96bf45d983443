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
    static final int IDLE_SET = 200; // B8/B9: 200 operations interleaved with 200 timestamped SQL migrations
    static final int KIT_SET = 20; // B10: 20 operations interleaved with 20 timestamped SQL migrations
    static final int PEER_PROCESSED = 200; // B5 peer: 200 operations or 200 @AutoValue classes among 2,000 sources

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
        // B8/B9 and B10: operation i at EPOCH + 2i + 1 s, migration i at EPOCH + 2i s, so that they interleave.
        interleaved(target, "bench.ops200", "bench/sql-ts", "b8_t", IDLE_SET);
        interleaved(target, "bench.ops20", "bench/sql20", "b10_t", KIT_SET);
        peerSources(resources.resolve("bench-b5mix"));
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

    /** An operation set of its own compilation (see pom.xml) and as many timestamped SQL migrations in between. */
    private static void interleaved(Path target, String pkg, String sqlDir, String table, int n) throws IOException {
        Path sources = target.resolve("generated-sources/bench-" + pkg.substring(pkg.lastIndexOf('.') + 1));
        Path resources = target.resolve("generated-resources/bench/" + sqlDir);
        for (int i = 0; i < n; i++) {
            String name = "Op" + pad(i);
            write(sources.resolve(pkg.replace('.', '/') + "/" + name + ".java"),
                    operationAt(pkg, name, EPOCH.plusSeconds(2L * i + 1).format(TS)));
            write(resources.resolve("V" + EPOCH.plusSeconds(2L * i).format(TS) + "__bench.sql"),
                    "create table " + table + i + " (id integer primary key, label varchar(40));\n");
        }
    }

    /**
     * B5 peer comparison: 1,800 plain classes shared by two modules of 2,000 sources, one with 200 operations, the
     * other with 200 {@code @AutoValue} classes; {@code index-sequencer.txt} and {@code index-autovalue.txt} list them.
     */
    private static void peerSources(Path root) throws IOException {
        List<String> sequencer = new ArrayList<>();
        List<String> autoValue = new ArrayList<>();
        int every = COMPILE_SOURCES / PEER_PROCESSED;
        for (int i = 0; i < COMPILE_SOURCES; i++) {
            if (i % every == every - 1) {
                String op = "MixOp" + pad(i);
                String value = "Value" + pad(i);
                write(root.resolve("bench/mix/" + op + ".java"), operation("bench.mix", op, i));
                write(root.resolve("bench/mix/" + value + ".java"), "package bench.mix;\n\n"
                        + "import com.google.auto.value.AutoValue;\n\n"
                        + "@AutoValue\n"
                        + "public abstract class " + value + " {\n"
                        + "    public abstract String name();\n\n"
                        + "    public abstract int size();\n"
                        + "}\n");
                sequencer.add("bench/mix/" + op + ".java");
                autoValue.add("bench/mix/" + value + ".java");
            } else {
                String plain = "Plain" + pad(i);
                write(root.resolve("bench/mix/" + plain + ".java"), "package bench.mix;\n\n"
                        + "public final class " + plain + " {\n"
                        + "    private final String name;\n"
                        + "    private final int size;\n\n"
                        + "    public " + plain + "(String name, int size) {\n"
                        + "        this.name = name;\n"
                        + "        this.size = size;\n"
                        + "    }\n\n"
                        + "    public String name() {\n        return name;\n    }\n\n"
                        + "    public int size() {\n        return size;\n    }\n"
                        + "}\n");
                sequencer.add("bench/mix/" + plain + ".java");
                autoValue.add("bench/mix/" + plain + ".java");
            }
        }
        write(root.resolve("index-sequencer.txt"), String.join("\n", sequencer) + "\n");
        write(root.resolve("index-autovalue.txt"), String.join("\n", autoValue) + "\n");
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
        return operationAt(pkg, name, EPOCH.plusSeconds(i).format(TS));
    }

    static String operationAt(String pkg, String name, String timestamp) {
        return "package " + pkg + ";\n\n"
                + "import dev.sequencer.OperationContext;\n"
                + "import dev.sequencer.OperationHandler;\n"
                + "import dev.sequencer.annotation.Operation;\n\n"
                + "@Operation(timestamp = \"" + timestamp + "\")\n"
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
