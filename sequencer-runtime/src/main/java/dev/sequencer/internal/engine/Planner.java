package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.RunReport;
import dev.sequencer.RunReport.Kind;
import dev.sequencer.RunReport.Outcome;
import dev.sequencer.RunReport.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Dry runs: the steps a run would take, by the same {@link Due} and {@link PendingRules} as a run, without touching
 * anything.
 */
public final class Planner {

    private final Engine engine;
    private final RunOptions options;

    public Planner(Engine engine, RunOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /** The plan over Flyway's {@code info} of the schema as it is now. */
    public RunReport plan(MigrationInfoService info) {
        PendingRules rules = engine.rulesWithoutTheLock(options.repeat());
        UnappliedMigrations unapplied = UnappliedMigrations.of(info);
        List<Step> steps = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        MigrationInfo[] pending = info.pending();
        MigrationVersion version = unapplied.current();
        Predicate<OperationDescriptor> candidate =
                op -> options.selects(op) && rules.verdict(op).pending() && unapplied.blocking(op) == null;
        for (MigrationInfo migration : pending) {
            planDue(rules, candidate, planned, steps, op -> Due.before(op, migration));
            steps.add(new Step(Kind.MIGRATION, Migrations.displayName(migration), Outcome.PLANNED, "", Duration.ZERO));
            if (migration.getVersion() != null) {
                version = migration.getVersion();
            }
        }
        MigrationVersion end = version;
        if (pending.length > 0 || options.runWhenNoMigrations()) {
            planDue(rules, candidate, planned, steps, op -> Due.atEnd(op, end));
        }
        for (OperationDescriptor op : engine.registry()) {
            if (planned.contains(op.name()) || !options.selects(op)) {
                continue;
            }
            if (rules.verdict(op).pending()) {
                String why = rules.whyWaiting(op, planned::contains, unapplied, Due.atEnd(op, end));
                steps.add(new Step(Kind.OPERATION, op.name(), Outcome.WAITING, why, Duration.ZERO));
            } else if (rules.waitsForTheBackend(op)) {
                steps.add(new Step(
                        Kind.OPERATION,
                        op.name(),
                        Outcome.WAITING,
                        rules.verdict(op).why(),
                        Duration.ZERO));
            }
        }
        return new RunReport(steps, true);
    }

    private void planDue(
            PendingRules rules,
            Predicate<OperationDescriptor> candidate,
            Set<String> planned,
            List<Step> steps,
            Predicate<OperationDescriptor> due) {
        for (OperationDescriptor op : engine.registry()) {
            if (!planned.contains(op.name())
                    && candidate.test(op)
                    && due.test(op)
                    && rules.unmetDependency(op, planned::contains) == null) {
                planned.add(op.name());
                steps.add(new Step(Kind.OPERATION, op.name(), Outcome.PLANNED, "", Duration.ZERO));
            }
        }
    }
}
