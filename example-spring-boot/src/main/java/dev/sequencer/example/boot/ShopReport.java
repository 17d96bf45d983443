package dev.sequencer.example.boot;

import dev.sequencer.InfoEntry;
import dev.sequencer.Sequencer;
import dev.sequencer.spring.SequencerWorker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Prints what Sequencer did (its {@code info()} table) and the letters in the outbox. */
@Component
public class ShopReport {

    private final Sequencer sequencer;
    private final SequencerWorker worker;
    private final JdbcTemplate jdbc;

    public ShopReport(Sequencer sequencer, SequencerWorker worker, JdbcTemplate jdbc) {
        this.sequencer = sequencer;
        this.worker = worker;
        this.jdbc = jdbc;
    }

    public void print(PrintStream out) {
        if (!worker.awaitIdle(Duration.ofSeconds(30))) {
            out.println("The worker is still busy after 30 s; the table shows what is done so far.");
        }
        out.println("Migrations and operations:");
        for (InfoEntry e : sequencer.info()) {
            out.printf("  %-9s  %-45s  %s%n", e.kind().name().toLowerCase(), e.name(), e.state());
        }
        out.println("Outbox:");
        List<String> letters = jdbc.queryForList("select message from outbox order by customer_id", String.class);
        letters.forEach(letter -> out.println("  " + letter));
    }
}
