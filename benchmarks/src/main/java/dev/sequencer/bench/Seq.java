package dev.sequencer.bench;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import java.util.List;
import javax.sql.DataSource;

/** Builds Sequencers the way an application does, over a benchmark database; Flyway finds no migrations. */
final class Seq {

    static final String NO_MIGRATIONS = "classpath:bench/none";

    private Seq() {}

    static Sequencer over(DataSource dataSource, List<OperationDescriptor> registry) {
        return Sequencer.configure()
                .dataSource(dataSource)
                .registry(registry)
                .property("sequencer.flyway.locations", NO_MIGRATIONS)
                .property("sequencer.async.threads", "2")
                .property("sequencer.async.polling-interval", "100ms")
                .load();
    }

    /** Runs process() and checks that exactly {@code expected} operations completed. */
    static long timedProcess(Sequencer sequencer, int expected) {
        long t0 = System.nanoTime();
        RunReport report = sequencer.process();
        long elapsed = System.nanoTime() - t0;
        long completed = report.operations().stream()
                .filter(s -> s.outcome() == RunReport.Outcome.COMPLETED)
                .count();
        if (completed != expected) {
            throw new IllegalStateException("process() completed " + completed + " operations, expected " + expected);
        }
        return elapsed;
    }
}
