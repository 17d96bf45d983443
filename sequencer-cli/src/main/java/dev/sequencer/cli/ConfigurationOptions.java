package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options that say which database and settings to use, accepted before or after the command. Configuration is
 * read as the library reads it (system properties {@code sequencer.*}, {@code SEQUENCER_*} environment variables,
 * {@code sequencer.properties} on the class path), then the {@code --config} file, then {@code -D}, {@code --url}
 * and {@code --user}: each later source wins. A password is never an option: it is visible to every user of the
 * machine in the process list.
 */
final class ConfigurationOptions {

    private static final String PASSWORD_KEY = "sequencer.password";
    private static final String URL_KEY = "sequencer.url";

    @Option(
            names = "--url",
            paramLabel = "JDBC_URL",
            scope = ScopeType.INHERIT,
            description = "The database (sequencer.url), e.g. jdbc:postgresql://db:5432/shop.")
    String url;

    @Option(
            names = "--user",
            scope = ScopeType.INHERIT,
            description = "The database user (sequencer.user). The password comes from SEQUENCER_PASSWORD or"
                    + " the configuration, never from an option.")
    String user;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "A properties file of sequencer.* keys, read after the system properties, environment and"
                    + " sequencer.properties.")
    Path config;

    @Option(
            names = "-D",
            paramLabel = "KEY=VALUE",
            scope = ScopeType.INHERIT,
            description = "Sets a configuration key, e.g. -Dsequencer.lock.timeout=10s.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Prints the stack trace of an error after its message.")
    boolean verbose;

    /**
     * A builder with the configuration of this invocation and every registry on the class path.
     *
     * @throws CommandLine.ParameterException for a password given as an option or a configuration file that cannot be
     *     read
     */
    Sequencer.Builder configure(CommandLine commandLine, Path workingDirectory) {
        Map<String, String> given = new LinkedHashMap<>(properties);
        if (url != null) {
            given.put(URL_KEY, url);
        }
        if (user != null) {
            given.put("sequencer.user", user);
        }
        refusePasswords(commandLine, given);
        Sequencer.Builder builder = Sequencer.configure().loadConfiguration();
        if (config != null) {
            builder.properties(read(commandLine, workingDirectory.resolve(config)));
        }
        return builder.properties(given).discoverRegistries();
    }

    private static void refusePasswords(CommandLine commandLine, Map<String, String> given) {
        String hint =
                ": a password on the command line is visible to every user of this machine; set SEQUENCER_PASSWORD"
                        + " or put sequencer.password in the --config file";
        if (given.containsKey(PASSWORD_KEY)) {
            throw new CommandLine.ParameterException(commandLine, "-D" + PASSWORD_KEY + " is not accepted" + hint);
        }
        String givenUrl = given.get(URL_KEY);
        if (givenUrl != null && givenUrl.toLowerCase(Locale.ROOT).matches(".*[?;&]password=.*")) {
            throw new CommandLine.ParameterException(
                    commandLine, "A JDBC URL with a password parameter is not accepted as an option" + hint);
        }
    }

    private static Map<String, String> read(CommandLine commandLine, Path file) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "Cannot read the --config file " + file + ": "
                            + e.getClass().getSimpleName());
        }
        Map<String, String> values = new LinkedHashMap<>();
        loaded.stringPropertyNames()
                .forEach(key -> values.put(key, loaded.getProperty(key).strip()));
        return values;
    }
}
