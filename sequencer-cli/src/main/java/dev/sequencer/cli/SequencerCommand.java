package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand of {@code sequencer}: what every command reaches through the top command (its environment, the
 * configured Sequencer) and its own command line, for usage errors. {@link #call()} returns the exit code.
 */
abstract class SequencerCommand implements Callable<Integer> {

    @ParentCommand
    private SequencerCli cli;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** A Sequencer for a command that only reads or records. */
    Sequencer open() {
        return cli.open(commandLine());
    }

    /** A Sequencer whose migrations and operations {@code steps} prints as they run. */
    Sequencer open(LiveSteps steps) {
        return cli.open(commandLine(), steps);
    }

    /** Step lines for this command's output. */
    LiveSteps liveSteps() {
        return cli.liveSteps();
    }

    CliEnvironment environment() {
        return cli.environment();
    }

    PrintWriter out() {
        return cli.environment().out();
    }

    CommandLine commandLine() {
        return spec.commandLine();
    }

    /** A usage error of this command: one line, exit code 2. */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(commandLine(), message);
    }
}
