package dev.sequencer.spring;

import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * {@code sequencer.process-on-startup=true}: runs {@code process()} once the context has started (its worker
 * included), before the application's own runners. A failure fails the start-up, as a failed migration does: the
 * application exits non-zero and Boot's report names the operation.
 */
public class ProcessOnStartup implements ApplicationRunner, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessOnStartup.class);

    private final Sequencer sequencer;

    /**
     * Runs {@code process()} of {@code sequencer} once the application has started.
     *
     * @param sequencer the application's Sequencer
     */
    public ProcessOnStartup(Sequencer sequencer) {
        this.sequencer = sequencer;
    }

    @Override
    public void run(ApplicationArguments args) {
        RunReport report = sequencer.process();
        LOG.info("Sequencer processed at start-up: {} step(s)", report.steps().size());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
