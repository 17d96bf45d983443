package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.RunReport;
import dev.sequencer.RunReport.Kind;
import dev.sequencer.RunReport.Outcome;
import dev.sequencer.RunReport.Step;
import dev.sequencer.internal.store.HistoryRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/** Dry runs: the steps a run would take, by the same {@link Due} rules, without touching anything. */
public final class Planner {

    private final Engine engine;
    private final RunOptions options;

    public Planner(Engine engine, RunOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /** The plan for {@code pending} migrations over a schema currently at {@code current} (or {@code null}). */
    public RunReport plan(MigrationInfo[] pending, MigrationVersion current) {
        Map<String, HistoryRow> history = engine.history();
        List<Step> steps = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        MigrationVersion version = current;
        for (MigrationInfo migration : pending) {
            planDue(history, planned, steps, op -> Due.before(op, migration));
            String name = migration.getVersion() == null
                    ? "R " + migration.getDescription()
                    : "V" + migration.getVersion() + " " + migration.getDescription();
            steps.add(new Step(Kind.MIGRATION, name, Outcome.PLANNED, "", Duration.ZERO));
            if (migration.getVersion() != null) {
                version = migration.getVersion();
            }
        }
        if (pending.length > 0 || options.runWhenNoMigrations()) {
            MigrationVersion end = version;
            planDue(history, planned, steps, op -> Due.atEnd(op, end));
        }
        for (OperationDescriptor op : engine.registry()) {
            if (!planned.contains(op.name()) && isCandidate(history, op)) {
                steps.add(new Step(
                        Kind.OPERATION, op.name(), Outcome.WAITING, whyWaiting(history, planned, op), Duration.ZERO));
            }
        }
        return new RunReport(steps, true);
    }

    private void planDue(
            Map<String, HistoryRow> history,
            Set<String> planned,
            List<Step> steps,
            java.util.function.Predicate<OperationDescriptor> due) {
        for (OperationDescriptor op : engine.registry()) {
            if (!planned.contains(op.name())
                    && isCandidate(history, op)
                    && due.test(op)
                    && dependenciesMet(history, planned, op)) {
                planned.add(op.name());
                steps.add(new Step(Kind.OPERATION, op.name(), Outcome.PLANNED, "", Duration.ZERO));
            }
        }
    }

    private boolean isCandidate(Map<String, HistoryRow> history, OperationDescriptor op) {
        return options.selects(op) && Engine.isPending(history.get(op.name()), options.repeat());
    }

    private static boolean dependenciesMet(
            Map<String, HistoryRow> history, Set<String> planned, OperationDescriptor op) {
        return op.dependsOn().stream().allMatch(d -> planned.contains(d) || Engine.isCompleted(history.get(d)));
    }

    private static String whyWaiting(Map<String, HistoryRow> history, Set<String> planned, OperationDescriptor op) {
        for (String d : op.dependsOn()) {
            if (!planned.contains(d) && !Engine.isCompleted(history.get(d))) {
                return "waits on " + d;
            }
        }
        return op.afterMigration() != null
                ? "waits for migration " + op.afterMigration() + " to be applied"
                : "not due in this run";
    }
}
