package dev.sequencer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a new operation class goes: the {@code src/main/java} of the Maven module around the working directory, and
 * the package of the newest {@code @Operation} class already there (by its timestamp), read from the sources as text.
 */
final class OperationSources {

    private static final Pattern OPERATION = Pattern.compile("@(dev\\.sequencer\\.annotation\\.)?Operation\\b");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern TIMESTAMP = Pattern.compile("timestamp\\s*=\\s*\"([\\d_]+)\"");
    private static final Pattern POM_PACKAGING = Pattern.compile("<packaging>\\s*pom\\s*</packaging>");

    private OperationSources() {}

    /** An existing operation source: its package and its timestamp's digits. */
    record Found(String packageName, String timestamp) {}

    /**
     * {@code src/main/java} of the nearest directory at or above {@code workingDirectory} that has a {@code pom.xml}.
     *
     * @throws IllegalArgumentException when there is none, or it is an aggregator ({@code packaging pom}) whose
     *     modules hold the sources
     */
    static Path defaultSourceRoot(Path workingDirectory) {
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                if (POM_PACKAGING.matcher(read(pom)).find()) {
                    throw new IllegalArgumentException(dir + " is a Maven aggregator (packaging pom), not a module with"
                            + " sources: run 'new' in the module's directory or pass --dir MODULE/src/main/java");
                }
                return dir.resolve("src/main/java");
            }
        }
        throw new IllegalArgumentException("No Maven module (pom.xml) at or above " + workingDirectory
                + ": run 'new' in the module's directory or pass --dir");
    }

    /** The package of the operation with the latest timestamp under {@code sourceRoot}, if there is one. */
    static Optional<String> packageOfNewestOperation(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(OperationSources::operationIn)
                    .flatMap(Optional::stream)
                    .max(Comparator.comparing(Found::timestamp))
                    .map(Found::packageName);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sources under " + sourceRoot, e);
        }
    }

    /** The operation declared in {@code file}, if it is one. */
    static Optional<Found> operationIn(Path file) {
        String source = read(file);
        Matcher packageName = PACKAGE.matcher(source);
        Matcher timestamp = TIMESTAMP.matcher(source);
        if (!OPERATION.matcher(source).find() || !packageName.find() || !timestamp.find()) {
            return Optional.empty();
        }
        return Optional.of(new Found(packageName.group(1), timestamp.group(1).replace("_", "")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
