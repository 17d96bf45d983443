package dev.sequencer.cli;

import dev.sequencer.OperationAttempt;
import dev.sequencer.Sequencer;
import dev.sequencer.SequencerException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sequencer history NAME}: every attempt of one operation, failures with their stack traces. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Shows every history row of one operation, oldest first, each failure with its exception and"
                + " stack trace. Also works for a name only the history knows (a renamed operation's old name).")
final class HistoryCommand extends SequencerCommand {

    @Parameters(paramLabel = "NAME", description = "The operation name, e.g. 2024_01_02_000000_seed_admin_user.")
    private String name;

    @Option(names = "--json", description = "Writes one JSON array of the attempts to standard output.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        List<OperationAttempt> attempts;
        try (Sequencer sequencer = open()) {
            try {
                attempts = sequencer.history(name);
            } catch (SequencerException e) {
                // Neither the registry nor the history knows the name: a typo, answered like one.
                if (e.getClass() == SequencerException.class && !OperationNames.known(sequencer, name)) {
                    throw OperationNames.unknown(commandLine(), sequencer, name);
                }
                throw e;
            }
        }
        if (json) {
            JsonOutput.writeHistory(out(), attempts);
        } else {
            HistoryText.print(out(), name, attempts);
        }
        return ExitCodes.OK;
    }
}
