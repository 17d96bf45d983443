package dev.sequencer.cli;

import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sequencer execute NAME}: runs one operation now, even if it is completed. */
@Command(
        name = "execute",
        mixinStandardHelpOptions = true,
        description = "Runs one operation now, even if it is completed, under the Sequencer lock, and records the run"
                + " as a new history row. Its dependencies are not checked.")
final class ExecuteCommand extends SequencerCommand {

    @Parameters(paramLabel = "NAME", description = "The operation name, e.g. 2024_01_02_000000_seed_admin_user.")
    private String name;

    @Option(
            names = "--no-record",
            description = "Commits the operation's work but writes nothing to the history (for trying it out).")
    private boolean noRecord;

    @Override
    public Integer call() {
        LiveSteps steps = liveSteps();
        try (Sequencer sequencer = open(steps)) {
            OperationNames.require(commandLine(), sequencer, name);
            RunReport report = sequencer.execute(name, !noRecord);
            steps.printRest(report);
        }
        if (noRecord) {
            out().println("Not recorded in the history (--no-record): its work is committed, its state unchanged.");
        }
        return ExitCodes.OK;
    }
}
