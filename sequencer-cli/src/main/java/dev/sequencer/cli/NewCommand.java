package dev.sequencer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sequencer new NAME}: writes a new operation class, stamped with the current UTC time. Needs no database. */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = "Writes a new operation class stamped with the current UTC time and prints its path. It goes"
                + " into src/main/java of the Maven module around the working directory, in the package of the newest"
                + " existing operation, unless --dir and --package say otherwise.")
final class NewCommand extends SequencerCommand {

    @Parameters(paramLabel = "NAME", description = "The class name, e.g. SeedPlans.")
    private String name;

    @Option(names = "--async", description = "Makes it @Asynchronous: runs dispatch it to the workers.")
    private boolean async;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "The source root (default: src/main/java of the module).")
    private Path dir;

    @Option(
            names = "--package",
            paramLabel = "PACKAGE",
            description = "The package (default: that of the newest @Operation class under the source root).")
    private String packageName;

    @Override
    public Integer call() throws IOException {
        if (!OperationTemplate.isClassName(name)) {
            throw usage("'" + name + "' is not a Java class name: start with a letter, then letters, digits or _"
                    + " (e.g. SeedPlans)");
        }
        Path workingDirectory = environment().workingDirectory();
        Path sourceRoot;
        try {
            sourceRoot =
                    dir != null ? workingDirectory.resolve(dir) : OperationSources.defaultSourceRoot(workingDirectory);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String target = packageName != null
                ? packageName
                : OperationSources.packageOfNewestOperation(sourceRoot)
                        .orElseThrow(() -> usage("No @Operation class under " + sourceRoot
                                + " to take the package from; pass --package"));
        if (!OperationTemplate.isPackageName(target)) {
            throw usage("'" + target + "' is not a Java package name");
        }
        Path file = sourceRoot.resolve(target.replace('.', '/')).resolve(name + ".java");
        if (Files.exists(file)) {
            throw usage(
                    "Class " + target + "." + name + " exists already (" + display(file) + "); choose another name");
        }
        String timestamp = OperationTemplate.timestamp(environment().clock().instant());
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                OperationTemplate.source(target, name, timestamp, async),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW);
        out().println(display(file));
        return ExitCodes.OK;
    }

    /** The path relative to the working directory when it is below it, as the user would type it. */
    private Path display(Path file) {
        Path workingDirectory =
                environment().workingDirectory().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
    }
}
