package dev.sequencer.cli;

import dev.sequencer.InfoEntry;
import dev.sequencer.Sequencer;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sequencer info}: migrations and operations, what ran and what will, as a table or as JSON. */
@Command(
        name = "info",
        aliases = "status",
        mixinStandardHelpOptions = true,
        description = "Lists migrations and operations: first what ran, in the order it ran, then what a run would"
                + " run, then what waits. Also history names no registry knows (unknown) and dispatched work whose"
                + " task is gone (lost).")
final class InfoCommand extends SequencerCommand {

    @Option(
            names = "--json",
            description = "Writes one JSON array of {kind, name, state, time, attempts, detail} to standard output.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        List<InfoEntry> entries;
        try (Sequencer sequencer = open()) {
            entries = sequencer.info();
        }
        if (json) {
            JsonOutput.writeInfo(out(), entries);
        } else {
            InfoTable.print(out(), entries, environment().colour());
        }
        return ExitCodes.OK;
    }
}
