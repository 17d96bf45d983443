package dev.sequencer.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/** The source of a new operation class, stamped with a UTC time, ready to compile and fill in. */
final class OperationTemplate {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy_MM_dd_HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** What the annotation processor accepts for a class whose operation name it derives: ASCII, no {@code $}. */
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private OperationTemplate() {}

    /** Whether {@code name} can name an operation class: an ASCII Java identifier that is not a keyword. */
    static boolean isClassName(String name) {
        return CLASS_NAME.matcher(name).matches() && SourceVersion.isName(name);
    }

    /** Whether {@code name} is a package name: identifiers separated by dots, no keyword. */
    static boolean isPackageName(String name) {
        return SourceVersion.isName(name);
    }

    /** {@code 2024_01_02_000000} for {@code now}, in UTC. */
    static String timestamp(Instant now) {
        return TIMESTAMP.format(now);
    }

    static String source(String packageName, String className, String timestamp, boolean asynchronous) {
        return "package " + packageName + ";\n"
                + "\n"
                + "import dev.sequencer.OperationContext;\n"
                + "import dev.sequencer.OperationHandler;\n"
                + (asynchronous ? "import dev.sequencer.annotation.Asynchronous;\n" : "")
                + "import dev.sequencer.annotation.Operation;\n"
                + "\n"
                + "/** TODO: what this operation does, and why it must run exactly once. */\n"
                + (asynchronous ? "@Asynchronous\n" : "")
                + "@Operation(timestamp = \"" + timestamp + "\")\n"
                + "public final class " + className + " implements OperationHandler {\n"
                + "\n"
                + "    @Override\n"
                + "    public void handle(OperationContext context) throws Exception {\n"
                + "        // TODO: the one-time work. context.connection() is inside the operation's transaction: the\n"
                + "        // work and its 'completed' record commit together. Long work can report how far it has\n"
                + "        // come with context.progress(done, total).\n"
                + "    }\n"
                + "}\n";
    }
}
