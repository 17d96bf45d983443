package dev.sequencer.cli;

import dev.sequencer.SequencerException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Turns what goes wrong into one line on standard error, {@code error: <what happened>}, and the exit code of
 * {@link ExitCodes}: usage errors (unknown command or option, bad value) with a pointer to {@code --help}, failures
 * of a command with their message, and the stack trace after it only with {@code --verbose}. The messages come from
 * Sequencer and name no password (it redacts JDBC URLs).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    private final PrintWriter err;
    private final Ansi ansi;
    private final BooleanSupplier verbose;

    ErrorReporter(PrintWriter err, Ansi ansi, BooleanSupplier verbose) {
        this.err = err;
        this.ansi = ansi;
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(
            Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (exception instanceof CommandLine.ParameterException usage) {
            return handleParseException(usage, new String[0]);
        }
        print(describe(exception));
        if (verbose.getAsBoolean()) {
            exception.printStackTrace(err);
        }
        err.flush();
        return commandLine.getExitCodeExceptionMapper().getExitCode(exception);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        print(usageMessage(exception) + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
        if (verbose.getAsBoolean()) {
            exception.printStackTrace(err);
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    private void print(String message) {
        err.println(ansi.string("@|red,bold error:|@ ") + oneLine(message));
    }

    /**
     * Sequencer's, Flyway's and argument errors speak for themselves; anything else (a bug, a driver's own exception)
     * is named by its class too.
     */
    private static String describe(Exception exception) {
        String message = exception.getMessage();
        if (message == null || message.isBlank()) {
            return exception.getClass().getName();
        }
        return exception instanceof SequencerException
                        || exception instanceof FlywayException
                        || exception instanceof IllegalArgumentException
                ? message
                : exception.getClass().getName() + ": " + message;
    }

    /** picocli's message, with {@code did you mean} for a mistyped command or option. */
    private static String usageMessage(CommandLine.ParameterException exception) {
        if (!(exception instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return exception.getMessage();
        }
        List<String> suggestions = unmatched.getSuggestions();
        boolean command = !unmatched.isUnknownOption()
                && !exception.getCommandLine().getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty();
        String message =
                command ? "Unknown command: '" + unmatched.getUnmatched().get(0) + "'" : exception.getMessage();
        if (suggestions.isEmpty()) {
            return message;
        }
        return message + "; did you mean "
                + suggestions.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "?";
    }

    /** {@code text} on one line: line breaks and the indentation after them become single spaces. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
