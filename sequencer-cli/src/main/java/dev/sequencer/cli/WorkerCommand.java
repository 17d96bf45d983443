package dev.sequencer.cli;

import dev.sequencer.OperationFailedException;
import dev.sequencer.Sequencer;
import dev.sequencer.SequencerException;
import dev.sequencer.Worker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sequencer worker}: runs dispatched, scheduled and deferred work until stopped. SIGTERM or Ctrl-C stops it
 * gracefully: no new task is picked and the running ones finish and are recorded before the JVM exits (what a worker
 * cannot finish stays queued for another).
 */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = "Runs an asynchronous worker until SIGTERM or Ctrl-C, which let running operations finish. With"
                + " --until-idle it returns once nothing is due or running.")
final class WorkerCommand extends SequencerCommand {

    /** How often a worker waiting to become idle checks whether it was asked to stop. */
    private static final Duration STOP_CHECK = Duration.ofMillis(500);

    @Option(names = "--until-idle", description = "Returns once no task is due or running (exit code 1 if one failed).")
    private boolean untilIdle;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stops after this long (e.g. 30s, 10m). With --until-idle, still being busy then is an"
                    + " error (exit code 1); the remaining work stays queued.")
    private Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = environment().err();
        LiveSteps steps = liveSteps();
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stopGracefully(stopRequested, stopped), "sequencer-worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean idle = false;
        boolean started = false;
        try (Sequencer sequencer = open(steps);
                Worker worker = sequencer.worker()) {
            started = true;
            err.println("Worker started" + (untilIdle ? "; it returns once nothing is due" : "")
                    + ". Ctrl-C or SIGTERM stops it after the running operations finish.");
            err.flush();
            Duration limit = timeout == null ? DurationConverter.LONGEST : timeout;
            if (untilIdle) {
                idle = awaitIdle(worker, stopRequested, limit);
            } else {
                stopRequested.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (stopRequested.getCount() == 0) {
                err.println("Stopping: waiting for the running operations to finish.");
                err.flush();
                idle = true; // stopped as asked: not a timeout
            }
        } finally {
            if (started) { // before the hook returns: the JVM may halt as soon as it does
                err.println("Worker stopped.");
                err.flush();
            }
            stopped.countDown();
            removeHook(hook);
        }
        return outcome(idle, steps.failedOperations());
    }

    /** In slices, so that a stop request is noticed while the worker is busy. */
    private static boolean awaitIdle(Worker worker, CountDownLatch stopRequested, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Duration slice = Duration.ofNanos(Math.max(0, Math.min(left, STOP_CHECK.toNanos())));
            if (worker.awaitIdle(slice)) {
                return true;
            }
            if (stopRequested.getCount() == 0 || deadline - System.nanoTime() <= 0) {
                return false;
            }
        }
    }

    private int outcome(boolean idle, List<String> failed) {
        if (!failed.isEmpty()) {
            throw new OperationFailedException(
                    failed.get(0),
                    "Operation " + String.join(", ", failed) + " failed on this worker (see 'sequencer history "
                            + failed.get(0) + "')",
                    null);
        }
        if (untilIdle && !idle) {
            throw new SequencerException("The worker was still busy after " + HumanTime.duration(timeout)
                    + "; the remaining work stays queued for the next worker");
        }
        return ExitCodes.OK;
    }

    /** The shutdown hook: asks the command to stop, then holds the JVM until the worker and Sequencer are closed. */
    private static void stopGracefully(CountDownLatch stopRequested, CountDownLatch stopped) {
        stopRequested.countDown();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting through this hook; it returns once 'stopped' is counted down.
        }
    }
}
