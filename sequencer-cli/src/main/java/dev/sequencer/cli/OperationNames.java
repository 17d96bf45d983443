package dev.sequencer.cli;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.Sequencer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Checks an operation name typed on the command line against the registry, so that a typo is a usage error with
 * suggestions, not a failure: {@code seed_admin_user} or {@code SeedAdminUser} suggest
 * {@code 2024_01_02_000000_seed_admin_user}.
 */
final class OperationNames {

    private static final int MAX_SUGGESTIONS = 3;

    private OperationNames() {}

    /** Whether the registry has an operation named {@code name}. */
    static boolean known(Sequencer sequencer, String name) {
        return sequencer.registry().stream().anyMatch(op -> op.name().equals(name));
    }

    /** Refuses a name the registry does not know, with the names that look like it. */
    static void require(CommandLine commandLine, Sequencer sequencer, String name) {
        if (!known(sequencer, name)) {
            throw unknown(commandLine, sequencer, name);
        }
    }

    static CommandLine.ParameterException unknown(CommandLine commandLine, Sequencer sequencer, String name) {
        List<String> similar = sequencer.registry().stream()
                .map(OperationDescriptor::name)
                .filter(candidate -> normalized(candidate).contains(normalized(name)))
                .limit(MAX_SUGGESTIONS)
                .toList();
        String suggestion = similar.isEmpty()
                ? "; 'sequencer info' lists the operations"
                : "; did you mean " + similar.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or "))
                        + "?";
        return new CommandLine.ParameterException(commandLine, "No operation is named '" + name + "'" + suggestion);
    }

    private static String normalized(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
