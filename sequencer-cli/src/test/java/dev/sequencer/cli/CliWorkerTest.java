package dev.sequencer.cli;

import static dev.sequencer.cli.CliProcessTest.line;
import static dev.sequencer.cli.FixtureNames.REINDEX;
import static dev.sequencer.cli.FixtureNames.SEND_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code worker}: until idle, with a time limit, and stopped by SIGTERM in a process of its own. */
class CliWorkerTest {

    private static final String FAST_POLLING = "-Dsequencer.async.polling-interval=100ms";

    @TempDir
    Path dir;

    private final CliDatabase db = CliDatabase.h2();
    private final CliRunner cli = CliRunner.pipe().on(db);

    @Test
    void untilIdleRunsTheDispatchedWorkAndReturns() {
        cli.run("process");

        CliRunner.Result result = cli.run("worker", "--until-idle");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines())
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith(line("operation", SEND_MAIL, "completed")))
                .anySatisfy(l -> assertThat(l).startsWith(line("operation", REINDEX, "completed")));
        assertThat(result.errLines()).first().asString().startsWith("Worker started");
        assertThat(result.errLines()).last().isEqualTo("Worker stopped.");
        assertThat(db.count("select count(*) from outbox")).isEqualTo(1);
    }

    @Test
    void untilIdleWithNothingDueReturnsAtOnce() {
        cli.run("migrate");

        CliRunner.Result result = cli.run("worker", "--until-idle", "--timeout", "30s");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anOperationThatFailsOnTheWorkerMakesTheExitCodeOne() {
        cli.run("process", "--tags", "mail");
        db.execute("insert into switches (name) values ('fail-mail')");

        CliRunner.Result result = cli.run("worker", "--until-idle");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains(line("operation", SEND_MAIL, "failed"));
        assertThat(result.errLines())
                .contains("error: Operation " + SEND_MAIL + " failed on this worker (see 'sequencer history "
                        + SEND_MAIL + "')");
    }

    @Test
    void withoutUntilIdleTheTimeoutStopsIt() {
        cli.run("migrate");

        CliRunner.Result result = cli.run("worker", "--timeout", "500ms");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.errLines()).last().isEqualTo("Worker stopped.");
    }

    @Test
    void aTimeoutThatIsNotADurationIsAUsageError() {
        CliRunner.Result result = cli.run("worker", "--timeout", "soon");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'soon' is not a duration; write it like 500ms, 30s, 2m, 1h or PT30S");
    }

    /**
     * A real process, stopped with SIGTERM while an operation runs: the operation finishes and is recorded, the worker
     * says it stopped, and the JVM exits.
     */
    @Test
    void sigtermLetsTheRunningOperationFinishAndStopsTheWorker() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        CliRunner.Result dispatched = CliRunner.pipe().run("process", "--tags", "search", "--url", url, FAST_POLLING);
        assertThat(dispatched.out()).contains(line("operation", REINDEX, "dispatched"));
        Path started = dir.resolve("started");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process worker = new ProcessBuilder(javaCommand(
                        "-Dcli.fixture.reindex.started=" + started,
                        "-Dcli.fixture.reindex.steps=10",
                        "-Dcli.fixture.reindex.pause-ms=200",
                        SequencerCli.class.getName(),
                        "worker",
                        "--url",
                        url,
                        FAST_POLLING))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            awaitFile(started, worker);
            worker.destroy(); // SIGTERM

            assertThat(worker.waitFor(60, TimeUnit.SECONDS))
                    .as("the worker stopped")
                    .isTrue();
        } finally {
            worker.destroyForcibly();
        }
        String errText = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(errText)
                .contains("Stopping: waiting for the running operations to finish.")
                .contains("Worker stopped.");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains(line("operation", REINDEX, "completed"));
        assertThat(new CliDatabase(url).states(REINDEX)).last().isEqualTo("completed");
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(args));
        return command;
    }

    private static void awaitFile(Path file, Process process) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("The worker never started the operation (alive: " + process.isAlive() + ")");
            }
            Thread.sleep(50);
        }
    }
}
