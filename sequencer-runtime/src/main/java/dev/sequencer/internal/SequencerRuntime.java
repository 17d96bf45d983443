package dev.sequencer.internal;

import dev.sequencer.DeferredDescriptor;
import dev.sequencer.ExecutionGuard;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationFactory;
import dev.sequencer.SequencerListener;
import dev.sequencer.internal.async.AsyncBackend;
import dev.sequencer.internal.async.DeferredAliases;
import dev.sequencer.internal.config.ConnectionPool;
import dev.sequencer.internal.config.SequencerSettings;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.execution.Listeners;
import dev.sequencer.internal.guard.Guards;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import javax.sql.DataSource;

/**
 * Builds what a {@code Sequencer} runs on, in one place: the connection pool (unless a DataSource is given), the
 * engine over the registry in run order, and its asynchronous backend.
 *
 * @param engine the engine, with its backend
 * @param ownedPool the pool created from {@code sequencer.url}, closed with the Sequencer; {@code null} when the
 *     application gave a DataSource
 */
public record SequencerRuntime(Engine engine, ConnectionPool ownedPool) {

    /** Everything a runtime is built from, besides the validated settings. */
    public record Parts(
            DataSource dataSource,
            List<OperationDescriptor> operations,
            List<DeferredDescriptor> deferredHandlers,
            OperationFactory operationFactory,
            List<SequencerListener> listeners,
            List<ExecutionGuard> guards) {}

    /**
     * Builds the runtime. Nothing touches the database here: the pool connects on first use.
     *
     * @throws dev.sequencer.ConfigurationException when the registry is inconsistent (duplicate names, operations
     *     nobody can build)
     */
    public static SequencerRuntime create(SequencerSettings settings, Parts parts) {
        List<OperationDescriptor> operations = new ArrayList<>(new LinkedHashSet<>(parts.operations()));
        operations.sort(Comparator.comparing(OperationDescriptor::timestamp).thenComparing(OperationDescriptor::name));
        ConnectionPool pool = parts.dataSource() == null ? ConnectionPool.create(settings) : null;
        try {
            Engine engine = new Engine(
                    settings,
                    pool != null ? pool : parts.dataSource(),
                    operations,
                    parts.operationFactory(),
                    new Listeners(parts.listeners()),
                    Guards.of(settings, parts.guards()),
                    e -> new AsyncBackend(e, parts.deferredHandlers()));
            DeferredAliases.of(parts.deferredHandlers()); // fails now on duplicate aliases; the backend loads lazily
            return new SequencerRuntime(engine, pool);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw e;
        }
    }

    /** Closes the pool this runtime created, if any. */
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }
}
