package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sequencer baseline TIMESTAMP}: adopts Sequencer on a database where earlier operations were done already. */
@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description = "Records every operation at or before TIMESTAMP that has no history as completed (reason"
                + " baseline), without running it.")
final class BaselineCommand extends SequencerCommand {

    @Parameters(
            paramLabel = "TIMESTAMP",
            converter = TimestampConverter.class,
            description = "2024_06_30_000000 or 20240630000000.")
    private String timestamp;

    @Override
    public Integer call() {
        List<String> recorded;
        try (Sequencer sequencer = open()) {
            recorded = sequencer.baseline(timestamp);
        }
        PrintWriter out = out();
        if (recorded.isEmpty()) {
            out.println("Nothing recorded: no operation at or before " + timestamp + " is without history.");
            return ExitCodes.OK;
        }
        out.println("Recorded " + recorded.size() + (recorded.size() == 1 ? " operation" : " operations")
                + " completed (baseline), without running:");
        recorded.forEach(name -> out.println("  " + name));
        return ExitCodes.OK;
    }
}
