package dev.sequencer.cli;

import dev.sequencer.Sequencer;
import dev.sequencer.ValidationResult;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code sequencer validate}: the history checked against the registry; exit code 4 when they disagree. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks the history against the registry without running anything. Exits with 4 when a name in"
                + " the history is in no registry (an operation class renamed or deleted after it ran).")
final class ValidateCommand extends SequencerCommand {

    @Override
    public Integer call() {
        ValidationResult result;
        int operations;
        try (Sequencer sequencer = open()) {
            result = sequencer.validate();
            operations = sequencer.registry().size();
        }
        PrintWriter out = out();
        if (result.valid()) {
            out.println("The history matches the registry (" + operations + " operations): no problem found.");
            return ExitCodes.OK;
        }
        int count = result.problems().size();
        out.println(count + (count == 1 ? " problem" : " problems") + " found; runs refuse to start until they are"
                + " fixed:");
        result.problems().forEach(problem -> out.println("  - " + ErrorReporter.oneLine(problem)));
        return ExitCodes.INVALID_HISTORY;
    }
}
