package dev.sequencer.spring;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationRegistry;
import dev.sequencer.Sequencer;
import dev.sequencer.Worker;
import java.time.Duration;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The application's asynchronous worker: started once the context is refreshed, after every other bean (so that
 * operations it runs find their beans), and stopped gracefully at shutdown before them, waiting for the tasks it is
 * running. With {@code sequencer.worker.enabled} unset it runs when there is asynchronous work to do.
 */
public class SequencerWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SequencerWorker.class);

    private final Sequencer sequencer;
    private final boolean enabled;
    private volatile Worker worker;

    /**
     * The worker bean of {@code sequencer}.
     *
     * @param sequencer the application's Sequencer
     * @param properties {@code sequencer.worker.enabled} and the other settings
     * @param classLoader where the registries are, to tell whether any operation is asynchronous
     */
    public SequencerWorker(Sequencer sequencer, SequencerProperties properties, ClassLoader classLoader) {
        this.sequencer = sequencer;
        Boolean configured = properties.getWorker().getEnabled();
        this.enabled = configured != null ? configured : hasAsynchronousWork(sequencer, properties, classLoader);
    }

    private static boolean hasAsynchronousWork(Sequencer sequencer, SequencerProperties p, ClassLoader classLoader) {
        if (p.getAsync().isAll() || sequencer.registry().stream().anyMatch(OperationDescriptor::asynchronous)) {
            return true;
        }
        for (OperationRegistry registry : ServiceLoader.load(OperationRegistry.class, classLoader)) {
            if (!registry.deferredHandlers().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this application runs a worker ({@code sequencer.worker.enabled}, or the default).
     *
     * @return true when the worker starts with the context
     */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public synchronized void start() {
        if (enabled && worker == null) {
            worker = sequencer.worker();
            LOG.info("Sequencer worker started");
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.close();
            worker = null;
            LOG.info("Sequencer worker stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Starts late and stops early: after and before the beans its operations use. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /**
     * Waits until no Sequencer task is due or executing.
     *
     * @param timeout how long to wait at most
     * @return true if so, false when {@code timeout} ran out first or no worker is running
     */
    public boolean awaitIdle(Duration timeout) {
        Worker running = worker;
        return running != null && running.awaitIdle(timeout);
    }
}
