package dev.sequencer.internal.engine;

import dev.sequencer.RunReport;
import java.time.Duration;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interleaves operations with one Flyway {@code migrate}: the lock is taken in {@code beforeMigrate} (before Flyway's
 * own), operations due before a migration run in its {@code beforeEachMigrate} (the previous migration is committed
 * by then), the rest in {@code afterMigrate}; the lock is released at the end or on error.
 */
public final class MigrationInterleaver {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationInterleaver.class);

    private final Engine engine;
    private final RunOptions options;
    private RunSession session;
    private RunReport lastReport = new RunReport(java.util.List.of(), false);
    private boolean grouped;
    private int migrationsApplied;
    private MigrationVersion lastVersion;
    private long migrationStarted;

    public MigrationInterleaver(Engine engine, RunOptions options) {
        this.engine = engine;
        this.options = options;
    }

    public void beforeMigrate(boolean group) {
        closeSession(); // a previous migrate that ended without afterMigrate
        grouped = group;
        migrationsApplied = 0;
        lastVersion = null;
        if (group) {
            LOG.warn("Flyway group=true applies all migrations in one transaction, so operations cannot run between"
                    + " them; they run after the group commits");
        }
        session = engine.open(options);
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
            lastVersion = migration.getVersion();
        }
        String name = migration.getVersion() == null
                ? "R " + migration.getDescription()
                : "V" + migration.getVersion() + " " + migration.getDescription();
        session.migrationApplied(name, Duration.ofNanos(System.nanoTime() - migrationStarted));
    }

    /**
     * Runs the remaining operations and ends the run.
     *
     * @param currentVersion the schema version after migrate, asked only when an operation is bound to a version
     *     that this run did not apply
     */
    public void afterMigrate(Supplier<MigrationVersion> currentVersion) {
        if (session == null) {
            return;
        }
        try {
            if (migrationsApplied == 0 && !options.runWhenNoMigrations()) {
                LOG.info("No migration was pending and run-on-no-pending-migrations is false: no operation runs");
                return;
            }
            VersionAtEnd version = new VersionAtEnd(lastVersion, currentVersion);
            guard(() -> {
                session.runDue(op -> Due.atEnd(op, version.get(op)));
                session.reportWaiting(op -> Due.atEnd(op, version.get(op)));
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
        } catch (RuntimeException e) {
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

    /** The schema version at the end of migrate, asked of Flyway only when needed. */
    private static final class VersionAtEnd {
        private final MigrationVersion applied;
        private final Supplier<MigrationVersion> current;
        private MigrationVersion resolved;

        VersionAtEnd(MigrationVersion applied, Supplier<MigrationVersion> current) {
            this.applied = applied;
            this.current = current;
        }

        MigrationVersion get(dev.sequencer.OperationDescriptor op) {
            if (op.afterMigration() == null) {
                return applied;
            }
            if (applied != null
                    && MigrationVersion.fromVersion(op.afterMigration()).compareTo(applied) <= 0) {
                return applied;
            }
            if (resolved == null) {
                resolved = current.get();
            }
            return resolved;
        }
    }
}
