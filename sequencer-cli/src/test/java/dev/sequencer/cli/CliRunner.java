package dev.sequencer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process with captured output, as a terminal or a pipe, in a chosen directory and time. */
final class CliRunner {

    /** The time new operations are stamped with in tests. */
    static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private boolean terminal;
    private Map<String, String> variables = Map.of();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private List<String> appended = List.of();

    static CliRunner pipe() {
        return new CliRunner();
    }

    static CliRunner terminal(Map<String, String> variables) {
        CliRunner runner = new CliRunner();
        runner.terminal = true;
        runner.variables = variables;
        return runner;
    }

    /**
     * Runs every command on {@code db}, with {@code options} too; workers poll every 100 ms, so that tests of
     * asynchronous work do not wait for the default second.
     */
    CliRunner on(CliDatabase db, String... options) {
        List<String> all = new ArrayList<>(List.of("--url", db.url(), "-Dsequencer.async.polling-interval=100ms"));
        all.addAll(List.of(options));
        this.appended = List.copyOf(all);
        return this;
    }

    CliRunner in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new PrintStream(bar, true, StandardCharsets.UTF_8),
                terminal,
                variables,
                workingDirectory,
                Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(appended);
        int code = SequencerCli.run(environment, all.toArray(new String[0]));
        return new Result(code, out.toString(), err.toString(), bar.toString(StandardCharsets.UTF_8));
    }

    /** What a run printed and returned; {@code bar} is what a terminal's progress bar drew. */
    record Result(int exitCode, String out, String err, String bar) {

        /** The standard error lines. */
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
