package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import picocli.CommandLine.Command;

/** {@code sequencer mark-completed NAME --reason R}: work done by hand is recorded completed. */
@Command(
        name = "mark-completed",
        mixinStandardHelpOptions = true,
        description = "Records a pending or failed operation completed with the reason, without running it (for"
                + " work done by hand).")
final class MarkCompletedCommand extends RecordByHandCommand {

    @Override
    void record(Sequencer sequencer, String name, String reason) {
        sequencer.markCompleted(name, reason);
    }

    @Override
    String state() {
        return "completed";
    }
}
