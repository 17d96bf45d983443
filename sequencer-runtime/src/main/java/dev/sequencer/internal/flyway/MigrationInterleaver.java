package dev.sequencer.internal.flyway;

import dev.sequencer.RunReport;
import dev.sequencer.internal.engine.Due;
import dev.sequencer.internal.engine.Engine;
import dev.sequencer.internal.engine.Migrations;
import dev.sequencer.internal.engine.RunOptions;
import dev.sequencer.internal.engine.RunSession;
import dev.sequencer.internal.engine.UnappliedMigrations;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interleaves operations with one Flyway {@code migrate}: the lock is taken in {@code beforeMigrate} (before Flyway's
 * own), operations due before a migration run in its {@code beforeEachMigrate} (the previous migration is committed
 * by then), the rest in {@code afterMigrate}; the lock is released at the end or on error. Operations later than a
 * migration this migrate leaves unapplied (above {@code target}, ignored) wait for it.
 */
public final class MigrationInterleaver {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationInterleaver.class);

    private final Engine engine;
    private final RunOptions options;
    private RunSession session;
    private RunReport lastReport = new RunReport(List.of(), false);
    private boolean grouped;
    private int migrationsApplied;
    private MigrationVersion version;
    private long migrationStarted;

    public MigrationInterleaver(Engine engine, RunOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /**
     * Opens the run.
     *
     * @param info Flyway's {@code info} before the migrate, asked only when some operation is pending
     */
    public void beforeMigrate(boolean group, Supplier<MigrationInfoService> info) {
        closeSession(); // a previous migrate that ended without afterMigrate
        grouped = group;
        migrationsApplied = 0;
        version = null;
        if (group) {
            LOG.warn("Flyway group=true applies all migrations in one transaction, so operations cannot run between"
                    + " them; they run after the group commits");
        }
        session = engine.open(options);
        guard(() -> {
            if (session.hasPending()) {
                UnappliedMigrations unapplied = UnappliedMigrations.of(info.get());
                session.unapplied(unapplied);
                version = unapplied.current();
            }
        });
    }

    public void beforeEachMigrate(MigrationInfo migration) {
        migrationStarted = System.nanoTime();
        if (session == null || grouped) {
            return;
        }
        guard(() -> session.runDue(op -> Due.before(op, migration)));
    }

    public void afterEachMigrate(MigrationInfo migration) {
        if (session == null) {
            return;
        }
        migrationsApplied++;
        if (migration.getVersion() != null) {
            version = migration.getVersion();
        }
        session.migrationApplied(
                Migrations.displayName(migration), Duration.ofNanos(System.nanoTime() - migrationStarted));
    }

    /** Runs the remaining operations and ends the run. */
    public void afterMigrate() {
        if (session == null) {
            return;
        }
        try {
            if (migrationsApplied == 0 && !options.runWhenNoMigrations()) {
                LOG.info("No migration was pending and run-on-no-pending-migrations is false: no operation runs");
                return;
            }
            MigrationVersion end = version;
            guard(() -> {
                session.runDue(op -> Due.atEnd(op, end));
                session.reportWaiting(op -> Due.atEnd(op, end));
            });
        } finally {
            closeSession();
        }
    }

    public void afterMigrateError() {
        if (session != null) {
            session.markFailed();
        }
        closeSession();
    }

    /** What the last migrate did. */
    public RunReport lastReport() {
        return lastReport;
    }

    private void guard(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            // Release the lock now: Flyway does not call afterMigrateError for every failure path.
            session.markFailed();
            closeSession();
            throw e;
        }
    }

    private void closeSession() {
        if (session != null) {
            lastReport = session.report();
            RunSession s = session;
            session = null;
            s.close();
        }
    }
}
