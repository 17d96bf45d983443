package dev.sequencer.internal.engine;

import org.flywaydb.core.api.MigrationInfo;

/** How migrations are named in reports: {@code V<version> <description>}, or {@code R <description>}. */
public final class Migrations {

    private Migrations() {}

    public static String displayName(MigrationInfo migration) {
        return displayName(
                migration.getVersion() == null ? null : migration.getVersion().getVersion(),
                migration.getDescription());
    }

    /** For Flyway's result objects, which carry the version as text ({@code null} or empty for repeatables). */
    public static String displayName(String version, String description) {
        return version == null || version.isEmpty() ? "R " + description : "V" + version + " " + description;
    }
}
