package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * When an operation is due relative to Flyway migrations (README, "Strategies"). One set of rules for the Flyway callback
 * and for dry-run plans.
 */
public final class Due {

    private Due() {}

    /**
     * Whether {@code op} must run before {@code migration} is applied: it is bound to an earlier version with
     * {@code afterMigration}, or the migration's version is a timestamp later than the operation's (on equal
     * timestamps the migration runs first).
     */
    public static boolean before(OperationDescriptor op, MigrationInfo migration) {
        MigrationVersion version = migration.getVersion();
        if (version == null) {
            return false; // repeatable migrations bind nothing
        }
        if (op.afterMigration() != null) {
            return MigrationVersion.fromVersion(op.afterMigration()).compareTo(version) < 0;
        }
        String timestamp = timestamp(version);
        return timestamp != null && timestamp.compareTo(op.timestamp()) > 0;
    }

    /**
     * Whether {@code op} may run once all pending migrations are applied, {@code current} being the schema version
     * then ({@code null} for an empty schema): yes, unless it is bound to a version not applied yet.
     */
    public static boolean atEnd(OperationDescriptor op, MigrationVersion current) {
        if (op.afterMigration() == null) {
            return true;
        }
        return current != null
                && MigrationVersion.fromVersion(op.afterMigration()).compareTo(current) <= 0;
    }

    /**
     * The version as fourteen timestamp digits when, with separators removed, it is exactly fourteen digits
     * ({@code 20240101000000}, {@code 2024_01_01_000000}, {@code 2024.01.01.000000}); otherwise {@code null}.
     */
    public static String timestamp(MigrationVersion version) {
        String digits = version.getVersion().replace(".", "").replace("_", "");
        if (digits.length() != 14) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return null;
            }
        }
        return digits;
    }
}
