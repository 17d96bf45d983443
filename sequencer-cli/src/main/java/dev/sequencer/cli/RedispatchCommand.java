package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sequencer redispatch NAME}: hands lost asynchronous work to the workers again. */
@Command(
        name = "redispatch",
        mixinStandardHelpOptions = true,
        description = "Hands a lost operation (dispatched, but its task is gone; 'info' shows it lost) to the workers"
                + " again. Refused while a worker is running it.")
final class RedispatchCommand extends SequencerCommand {

    @Parameters(paramLabel = "NAME", description = "The operation name.")
    private String name;

    @Override
    public Integer call() {
        try (Sequencer sequencer = open()) {
            OperationNames.require(commandLine(), sequencer, name);
            sequencer.redispatch(name);
        }
        out().println("Dispatched " + name + " again: the next worker runs it.");
        return ExitCodes.OK;
    }
}
