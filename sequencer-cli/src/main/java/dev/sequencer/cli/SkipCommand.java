package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import picocli.CommandLine.Command;

/** {@code sequencer skip NAME --reason R}: an operation that can never succeed is recorded skipped, for good. */
@Command(
        name = "skip",
        mixinStandardHelpOptions = true,
        description = "Records a pending or failed operation skipped (final: it never runs) with the reason, without"
                + " running it.")
final class SkipCommand extends RecordByHandCommand {

    @Override
    void record(Sequencer sequencer, String name, String reason) {
        sequencer.skip(name, reason);
    }

    @Override
    String state() {
        return "skipped";
    }
}
