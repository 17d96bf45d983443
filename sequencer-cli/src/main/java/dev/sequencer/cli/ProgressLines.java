package dev.sequencer.cli;

import dev.sequencer.ProgressEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Progress for pipes and CI logs, where a redrawn bar would be noise: a plain line per operation at most every
 * {@code interval} of its running time ({@code progress   <name>  500/1000 (50%), 250/s, about 2.0 s left}). An
 * operation that ends sooner prints none.
 */
final class ProgressLines implements ProgressDisplay {

    private final PrintWriter err;
    private final Duration interval;
    private final Map<String, Duration> printedAt = new HashMap<>();

    ProgressLines(PrintWriter err, Duration interval) {
        this.err = err;
        this.interval = interval;
    }

    @Override
    public synchronized void show(ProgressEvent event) {
        Duration last = printedAt.getOrDefault(event.name(), Duration.ZERO);
        if (event.elapsed().minus(last).compareTo(interval) < 0) {
            return;
        }
        printedAt.put(event.name(), event.elapsed());
        err.println("progress   " + event.name() + "  " + describe(event));
        err.flush();
    }

    @Override
    public synchronized void end(String operation) {
        printedAt.remove(operation);
    }

    /** {@code 500/1000 (50%), 250/s, about 2.0 s left}, or {@code 500 done, 250/s} when the total is unknown. */
    static String describe(ProgressEvent event) {
        double seconds = event.elapsed().toMillis() / 1000.0;
        double rate = seconds > 0 ? event.done() / seconds : 0;
        String speed = String.format(Locale.ROOT, "%.0f/s", rate);
        if (event.total() <= 0) {
            return event.done() + " done, " + speed;
        }
        String done = String.format(
                Locale.ROOT, "%d/%d (%d%%)", event.done(), event.total(), Math.round(event.fraction() * 100));
        if (rate <= 0) {
            return done;
        }
        Duration left = Duration.ofMillis(Math.round(Math.max(0, event.total() - event.done()) / rate * 1000));
        return done + ", " + speed + ", about " + HumanTime.duration(left) + " left";
    }
}
