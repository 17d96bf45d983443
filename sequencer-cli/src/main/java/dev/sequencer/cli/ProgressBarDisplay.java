package dev.sequencer.cli;

import dev.sequencer.ProgressEvent;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal's standard error (me.tongfei:progressbar): the operation, a bar, done/total, rate
 * and time left, redrawn in place and erased when the operation ends. One bar at a time: while one operation's bar
 * is shown, progress of another (the parallel orchestrator) waits until it ends.
 */
final class ProgressBarDisplay implements ProgressDisplay {

    private final PrintStream stream;
    private final ProgressBarStyle style;
    private ProgressBar bar;
    private String operation;

    ProgressBarDisplay(PrintStream stream, boolean colour) {
        this.stream = stream;
        this.style = style(colour, Charset.defaultCharset());
    }

    /** Colours only when allowed; block characters only when the terminal's encoding has them. */
    static ProgressBarStyle style(boolean colour, Charset charset) {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return ProgressBarStyle.ASCII;
        }
        return colour ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK;
    }

    @Override
    public synchronized void show(ProgressEvent event) {
        if (bar == null) {
            operation = event.name();
            bar = new ProgressBarBuilder()
                    .setTaskName(event.name())
                    .setInitialMax(event.total() > 0 ? event.total() : -1)
                    .setStyle(style)
                    .setConsumer(new ErasingConsumer(stream))
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .clearDisplayOnFinish()
                    .build();
        } else if (!operation.equals(event.name())) {
            return;
        }
        if (event.total() > 0 && bar.getMax() != event.total()) {
            bar.maxHint(event.total());
        }
        bar.stepTo(event.done());
    }

    @Override
    public synchronized void end(String name) {
        if (bar != null && operation.equals(name)) {
            bar.close();
            bar = null;
            operation = null;
        }
    }

    /**
     * Draws the bar on one line and, once it is erased at the end, returns to the start of that line instead of
     * moving below it (what the library's consumer does), so the operation's step line takes the bar's place and
     * leaves no blank line behind.
     */
    private static final class ErasingConsumer extends ConsoleProgressBarConsumer {

        private final PrintStream stream;

        ErasingConsumer(PrintStream stream) {
            super(stream);
            this.stream = stream;
        }

        @Override
        public void close() {
            stream.print('\r');
            stream.flush();
        }
    }
}
