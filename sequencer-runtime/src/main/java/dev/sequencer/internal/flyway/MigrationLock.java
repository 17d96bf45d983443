package dev.sequencer.internal.flyway;

import dev.sequencer.SequencerException;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.lock.SequencerLock;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Holds the Sequencer lock around a {@code migrate()} of the command strategy, which runs no operation: so a node
 * that only migrates can never apply a migration in the middle of another node's interleaved {@code process()},
 * which would push that node's operations past the migration they must precede.
 */
public final class MigrationLock implements Callback {

    private final Engine engine;
    private SequencerLock lock;

    public MigrationLock(Engine engine) {
        this.engine = engine;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public synchronized void handle(Event event, Context context) {
        if (event == Event.BEFORE_MIGRATE) {
            release();
            try {
                lock = engine.acquireLock(engine.settings().lockTimeout());
            } catch (SQLException e) {
                throw new SequencerException("Cannot take the Sequencer lock: " + e.getMessage(), e);
            }
        } else {
            release();
        }
    }

    private void release() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    @Override
    public String getCallbackName() {
        return "SequencerMigrationLock";
    }
}
