package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versioned migrations that Flyway resolves but leaves unapplied in a migrate: above {@code target}, or ignored
 * (an out-of-order migration older than the schema, with {@code outOfOrder} off). An operation later than one of them,
 * or bound to one with {@code afterMigration}, must wait for it: it would otherwise run before the schema it needs.
 *
 * @param current the schema version before the migrate, or {@code null} for an empty schema
 * @param left the migrations left unapplied, oldest first
 */
public record UnappliedMigrations(MigrationVersion current, List<Left> left) {

    /** No migration is left unapplied, and the schema version is unknown. */
    public static final UnappliedMigrations NONE = new UnappliedMigrations(null, List.of());

    /** One migration left unapplied, and why (Flyway's state, for example {@code Above Target}). */
    public record Left(MigrationVersion version, String description, String state) {
        @Override
        public String toString() {
            return "V" + version + " " + description + " (" + state.toLowerCase(Locale.ROOT) + ")";
        }
    }

    /** Reads them from Flyway's {@code info}. */
    public static UnappliedMigrations of(MigrationInfoService info) {
        List<Left> left = new ArrayList<>();
        for (MigrationInfo m : info.all()) {
            MigrationState state = m.getState();
            if (m.getVersion() != null && (state == MigrationState.ABOVE_TARGET || state == MigrationState.IGNORED)) {
                left.add(new Left(m.getVersion(), m.getDescription(), state.getDisplayName()));
            }
        }
        left.sort(Comparator.comparing(Left::version));
        MigrationInfo current = info.current();
        return new UnappliedMigrations(current == null ? null : current.getVersion(), List.copyOf(left));
    }

    /** The unapplied migration that {@code op} must wait for, or {@code null}. */
    public Left blocking(OperationDescriptor op) {
        for (Left m : left) {
            if (op.afterMigration() != null) {
                if (MigrationVersion.fromVersion(op.afterMigration()).equals(m.version())) {
                    return m;
                }
                continue;
            }
            String timestamp = Due.timestamp(m.version());
            if (timestamp != null && timestamp.compareTo(op.timestamp()) <= 0) {
                return m;
            }
        }
        return null;
    }
}
