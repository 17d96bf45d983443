package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.callback.Callback;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * The {@code sequencer} command line: runs, inspects and repairs the operations of every registry on the class path
 * ({@code GeneratedSequencer}, found through {@code ServiceLoader}). An application's own {@code main} can delegate
 * to {@link #main} or {@link #run}.
 */
@Command(
        name = "sequencer",
        mixinStandardHelpOptions = true,
        versionProvider = SequencerCli.Version.class,
        description = "Runs one-time operations exactly once per environment, in order, around Flyway migrations.",
        subcommands = {
            ProcessCommand.class,
            MigrateCommand.class,
            InfoCommand.class,
            HistoryCommand.class,
            ExecuteCommand.class,
            RollbackCommand.class,
            RedispatchCommand.class,
            ValidateCommand.class,
            BaselineCommand.class,
            SkipCommand.class,
            MarkCompletedCommand.class,
            WorkerCommand.class,
            NewCommand.class
        },
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.FAILED,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, also when nothing was pending",
            "1:an operation or migration failed",
            "2:usage or configuration error",
            "3:database unreachable, lock timeout, or run blocked by a guard",
            "4:the history does not match the registry (validation problems)"
        })
public final class SequencerCli implements Callable<Integer> {

    private final CliEnvironment environment;

    @Mixin
    private ConfigurationOptions options;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    private SequencerCli(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command and its options, for example {@code info --url jdbc:...}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line on this process's standard streams, without exiting.
     *
     * @param args the command and its options
     * @return the exit code: 0 on success
     */
    public static int run(String... args) {
        return run(CliEnvironment.system(), args);
    }

    static int run(CliEnvironment environment, String... args) {
        int code = commandLine(environment).execute(args);
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    static CommandLine commandLine(CliEnvironment environment) {
        SequencerCli root = new SequencerCli(environment);
        Ansi ansi = environment.colour() ? Ansi.ON : Ansi.OFF;
        ErrorReporter errors = new ErrorReporter(environment.err(), ansi, () -> root.options.verbose);
        return new CommandLine(root)
                .setOut(environment.out())
                .setErr(environment.err())
                .setColorScheme(CommandLine.Help.defaultColorScheme(ansi))
                .setExitCodeExceptionMapper(new ExitCodes())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Without a command: the usage, on standard error, and exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(environment.err());
        return ExitCodes.USAGE;
    }

    CliEnvironment environment() {
        return environment;
    }

    /** A Sequencer for a command that only reads or records (info, history, validate, baseline, skip, ...). */
    Sequencer open(CommandLine commandLine) {
        return options.configure(commandLine, environment.workingDirectory()).load();
    }

    /** A Sequencer whose migrations and operations {@code steps} prints as they run, with their progress. */
    Sequencer open(CommandLine commandLine, LiveSteps steps) {
        return options.configure(commandLine, environment.workingDirectory())
                .listener(steps)
                .flyway(flyway -> {
                    List<Callback> callbacks = new ArrayList<>(Arrays.asList(flyway.getCallbacks()));
                    callbacks.add(steps);
                    flyway.callbacks(callbacks.toArray(new Callback[0]));
                })
                .load();
    }

    /** Step lines on standard output, progress on standard error, coloured on a terminal. */
    LiveSteps liveSteps() {
        return new LiveSteps(environment.out(), stepFormat(), ProgressDisplay.of(environment));
    }

    StepFormat stepFormat() {
        return new StepFormat(StepFormat.NAME_WIDTH, environment.colour() ? Ansi.ON : Ansi.OFF);
    }

    /** The version of this build, from {@code version.properties} (filtered by Maven). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = SequencerCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"sequencer " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
