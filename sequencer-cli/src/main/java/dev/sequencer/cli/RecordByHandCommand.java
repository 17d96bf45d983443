package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command that records an operation's outcome by hand, with a reason, without running it: {@code skip} and
 * {@code mark-completed}.
 */
abstract class RecordByHandCommand extends SequencerCommand {

    @Parameters(paramLabel = "NAME", description = "The operation name; it must be pending or failed.")
    private String name;

    @Option(
            names = "--reason",
            required = true,
            description = "Why, for those who read the history later (e.g. a ticket).")
    private String reason;

    /** Records {@code name} with {@code reason}. */
    abstract void record(Sequencer sequencer, String name, String reason);

    /** The state recorded, as the history table names it. */
    abstract String state();

    @Override
    public Integer call() {
        try (Sequencer sequencer = open()) {
            OperationNames.require(commandLine(), sequencer, name);
            record(sequencer, name, reason);
        }
        out().println("Recorded " + name + " " + state() + " (" + reason.strip() + ").");
        return ExitCodes.OK;
    }
}
