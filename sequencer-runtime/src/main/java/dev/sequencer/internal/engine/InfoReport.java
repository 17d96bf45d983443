package dev.sequencer.internal.engine;

import dev.sequencer.InfoEntry;
import dev.sequencer.InfoEntry.Kind;
import dev.sequencer.OperationStatus;
import dev.sequencer.ProcessOptions;
import dev.sequencer.RunReport;
import dev.sequencer.internal.store.HistoryRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * {@code info()}: what {@code flyway info} is to migrations, for migrations and operations together. First what ran,
 * in the order it ran (applied migrations and operations that are done, dispatched or running, by time, a migration
 * before an operation at the same instant); then what would run, in the order a run would run it (the dry-run plan,
 * by the same rules); then operations that wait and migrations that will not be applied (above target, ignored, ...).
 */
public final class InfoReport {

    private final Engine engine;

    public InfoReport(Engine engine) {
        this.engine = engine;
    }

    /** The entries over Flyway's {@code info} of the schema as it is now. */
    public List<InfoEntry> entries(MigrationInfoService flyway) {
        List<OperationStatus> all = engine.status();
        Map<String, OperationStatus> statuses = new HashMap<>();
        all.forEach(s -> statuses.put(s.name(), s));
        Map<String, MigrationInfo> migrations = new HashMap<>();
        for (MigrationInfo m : flyway.all()) {
            migrations.put(Migrations.displayName(m), m);
        }

        List<Timed> ran = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (MigrationInfo m : flyway.all()) {
            if (m.getState().isApplied()) {
                ran.add(new Timed(migration(m, m.getState().getDisplayName(), ""), true));
                placed.add(Migrations.displayName(m));
            }
        }
        for (OperationStatus s : all) {
            if (s.state() != null && !s.pending()) {
                ran.add(new Timed(operation(s, state(s), s.lastMessage()), false));
                placed.add(s.name());
            }
        }
        for (HistoryRow row : engine.history().values()) {
            if (engine.operation(row.name()) == null) {
                ran.add(new Timed(
                        new InfoEntry(
                                Kind.OPERATION,
                                row.name(),
                                "unknown",
                                time(row.finishedAt(), row.startedAt()),
                                row.attempts(),
                                "in the history (" + row.state().dbValue() + ") but in no registry"),
                        false));
            }
        }
        ran.sort(Comparator.comparing((Timed t) -> t.entry().time(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(t -> !t.migration()));
        List<InfoEntry> entries = new ArrayList<>(ran.stream().map(Timed::entry).toList());

        RunReport plan =
                new Planner(engine, RunOptions.process(ProcessOptions.defaults(), engine.settings())).plan(flyway);
        for (RunReport.Step step : plan.steps()) {
            if (!placed.add(step.name())) {
                continue;
            }
            if (step.kind() == RunReport.Kind.MIGRATION) {
                MigrationInfo m = migrations.get(step.name());
                entries.add(
                        m == null
                                ? new InfoEntry(Kind.MIGRATION, step.name(), "pending", null, 0, "")
                                : migration(m, m.getState().getDisplayName(), ""));
            } else {
                OperationStatus s = statuses.get(step.name());
                String why = step.outcome() == RunReport.Outcome.WAITING ? step.detail() : "";
                String state = step.outcome() == RunReport.Outcome.WAITING && s.state() == null ? "waiting" : state(s);
                entries.add(operation(s, state, join(why, s.lastMessage())));
            }
        }
        for (MigrationInfo m : flyway.all()) {
            if (placed.add(Migrations.displayName(m))) {
                entries.add(migration(m, m.getState().getDisplayName(), ""));
            }
        }
        for (OperationStatus s : all) {
            if (placed.add(s.name())) {
                entries.add(operation(s, state(s), s.lastMessage()));
            }
        }
        return entries;
    }

    private record Timed(InfoEntry entry, boolean migration) {}

    private static InfoEntry migration(MigrationInfo m, String state, String detail) {
        Instant installed =
                m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant();
        String script = m.getScript() == null ? "" : m.getScript();
        return new InfoEntry(
                Kind.MIGRATION,
                Migrations.displayName(m),
                state.toLowerCase(Locale.ROOT),
                installed,
                0,
                detail.isEmpty() ? script : detail);
    }

    private static InfoEntry operation(OperationStatus s, String state, String detail) {
        String partitions = s.partitions() == null ? null : s.partitions().toString();
        return new InfoEntry(
                Kind.OPERATION,
                s.name(),
                state,
                time(s.finishedAt(), s.startedAt()),
                s.attempts(),
                join(partitions, detail));
    }

    /** The state shown for an operation: its recorded state, {@code pending} when it never ran, {@code lost}. */
    private static String state(OperationStatus s) {
        if (s.lost()) {
            return "lost";
        }
        return s.state() == null ? "pending" : s.state().dbValue().replace('_', ' ');
    }

    private static Instant time(Instant finished, Instant started) {
        return finished != null ? finished : started;
    }

    private static String join(String first, String second) {
        if (first == null || first.isEmpty()) {
            return second == null ? "" : second;
        }
        return second == null || second.isEmpty() || second.equals(first) ? first : first + "; " + second;
    }
}
