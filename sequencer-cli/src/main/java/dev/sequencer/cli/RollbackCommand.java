package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sequencer rollback NAME}: undoes a completed rollbackable operation. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Calls rollback() of a completed operation that implements Rollbackable and records it"
                + " rolled_back, so that the next run applies it again.")
final class RollbackCommand extends SequencerCommand {

    @Parameters(paramLabel = "NAME", description = "The operation name.")
    private String name;

    @Override
    public Integer call() {
        LiveSteps steps = liveSteps();
        try (Sequencer sequencer = open(steps)) {
            OperationNames.require(commandLine(), sequencer, name);
            steps.printRest(sequencer.rollback(name));
        }
        return ExitCodes.OK;
    }
}
