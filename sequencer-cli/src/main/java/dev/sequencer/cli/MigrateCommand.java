package dev.sequencer.cli;

import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import picocli.CommandLine.Command;

/** {@code sequencer migrate}: Flyway's migrate, with operations interleaved under the migration strategy. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Runs Flyway migrate. Under the command strategy it applies migrations only; under the"
                + " migration strategy operations run interleaved with them.")
final class MigrateCommand extends SequencerCommand {

    @Override
    public Integer call() {
        LiveSteps steps = liveSteps();
        try (Sequencer sequencer = open(steps)) {
            long started = System.nanoTime();
            RunReport report = sequencer.migrate();
            RunSummary.print(out(), steps, report, started);
        }
        return ExitCodes.OK;
    }
}
