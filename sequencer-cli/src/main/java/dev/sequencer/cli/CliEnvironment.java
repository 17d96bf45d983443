package dev.sequencer.cli;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the command line writes to and reads from besides its arguments: standard output and error, whether they are
 * a terminal, the environment variables, the working directory and the clock. {@link #system()} is the real one;
 * tests build their own.
 *
 * @param out standard output: results, one line per step, JSON
 * @param err standard error: errors, warnings and progress
 * @param terminalErr standard error as a stream, for the progress bar (used only when {@code terminal})
 * @param terminal whether a person is watching a terminal (not a pipe, a file or a CI log)
 * @param variables the environment variables
 * @param workingDirectory where relative paths start
 * @param clock the time, for new operations' timestamps and for pacing progress lines
 */
record CliEnvironment(
        PrintWriter out,
        PrintWriter err,
        PrintStream terminalErr,
        boolean terminal,
        Map<String, String> variables,
        Path workingDirectory,
        Clock clock) {

    /** The process's own streams, environment, directory and clock. */
    static CliEnvironment system() {
        return new CliEnvironment(
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                System.err,
                isTerminal(System.console(), System.getenv("TERM")),
                System.getenv(),
                Path.of("").toAbsolutePath(),
                Clock.systemUTC());
    }

    /** Whether colours may be used: on a terminal, unless {@code NO_COLOR} is set to something (no-color.org). */
    boolean colour() {
        String noColour = variables.get("NO_COLOR");
        return terminal && (noColour == null || noColour.isEmpty());
    }

    /**
     * Whether standard input and output are an interactive terminal. Up to JDK 21 {@link System#console()} is null
     * otherwise; from JDK 22 on it exists for pipes too, and {@code Console.isTerminal()} tells (called reflectively,
     * since the code is compiled for Java 17).
     */
    static boolean isTerminal(Console console, String term) {
        if (console == null || "dumb".equals(term)) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
