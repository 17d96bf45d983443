package dev.sequencer.cli;

import dev.sequencer.ProcessOptions;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sequencer process}: pending migrations and operations, interleaved, each printed as it ends. */
@Command(
        name = "process",
        mixinStandardHelpOptions = true,
        description = "Runs pending Flyway migrations and operations, interleaved by timestamp, printing each as it"
                + " ends and a summary. --dry-run prints the plan and changes nothing.")
final class ProcessCommand extends SequencerCommand {

    @Option(
            names = "--tags",
            split = ",",
            paramLabel = "TAG",
            description = "Runs only operations carrying one of these tags (migrations are still applied).")
    private List<String> tags = new ArrayList<>();

    @Option(
            names = "--from",
            paramLabel = "TIMESTAMP",
            converter = TimestampConverter.class,
            description = "Runs only operations at or after this timestamp (2024_01_02_000000 or 20240102000000).")
    private String from;

    @Option(names = "--repeat", description = "Runs completed operations again, each rerun recorded as a new row.")
    private boolean repeat;

    @Option(names = "--dry-run", description = "Prints what would run, in order, and changes nothing.")
    private boolean dryRun;

    @Option(names = "--sync", description = "Runs @Asynchronous operations here instead of dispatching them.")
    private boolean sync;

    @Override
    public Integer call() {
        ProcessOptions.Builder options = ProcessOptions.builder()
                .tags(tags.toArray(new String[0]))
                .repeat(repeat)
                .dryRun(dryRun)
                .sync(sync);
        if (from != null) {
            options.from(from);
        }
        LiveSteps steps = liveSteps();
        try (Sequencer sequencer = open(steps)) {
            long started = System.nanoTime();
            RunReport report = sequencer.process(options.build());
            RunSummary.print(out(), steps, report, started);
        }
        return ExitCodes.OK;
    }
}
