package dev.sequencer.it;

import static dev.sequencer.support.TestOperations.op;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.RunReport;
import dev.sequencer.Sequencer;
import dev.sequencer.support.Tables;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of {@link ClusterTest}, run in a JVM of its own: {@code ClusterNode <jdbc-url> migrate|process}.
 *
 * <p>{@code migrate} runs {@code migrate()} under the migration strategy, {@code process} runs {@code process()} under
 * the command strategy, both over the migrations of {@code db/cluster} and the {@link #operations()} between them. The
 * node prints {@code READY} once configured and connected, waits for a line on standard input (so that both nodes
 * start their runs together), runs, prints {@code RAN <step>} per step, and exits 0; on any exception it prints the
 * stack trace and exits 1.
 */
public final class ClusterNode {

    /** Migrations of {@code db/cluster}, by timestamp: the table each creates. */
    static final String[][] MIGRATIONS = {
        {"20240101000000", "effects"},
        {"20240103000000", "cluster_two"},
        {"20240105000000", "cluster_three"},
        {"20240107000000", "cluster_four"},
        {"20240109000000", "cluster_five"},
    };

    private ClusterNode() {}

    /**
     * Ten operations spread between the five migrations (3, 2, 2, 2 and 1 after the last). Each inserts one row
     * {@code effects(op_name)} and checks that the migration before it is applied and the one after it is not.
     */
    public static List<OperationDescriptor> operations() {
        String[][] ops = {
            {"2024_01_02_000000", "first", "effects", "cluster_two"},
            {"2024_01_02_010000", "second", "effects", "cluster_two"},
            {"2024_01_02_020000", "third", "effects", "cluster_two"},
            {"2024_01_04_000000", "fourth", "cluster_two", "cluster_three"},
            {"2024_01_04_010000", "fifth", "cluster_two", "cluster_three"},
            {"2024_01_06_000000", "sixth", "cluster_three", "cluster_four"},
            {"2024_01_06_010000", "seventh", "cluster_three", "cluster_four"},
            {"2024_01_08_000000", "eighth", "cluster_four", "cluster_five"},
            {"2024_01_08_010000", "ninth", "cluster_four", "cluster_five"},
            {"2024_01_10_000000", "tenth", "cluster_five", null},
        };
        List<OperationDescriptor> registry = new ArrayList<>();
        for (String[] o : ops) {
            registry.add(op(o[0], o[1], () -> effect(o[2], o[3])));
        }
        return registry;
    }

    /** The names of {@link #operations()}. */
    public static List<String> operationNames() {
        return operations().stream().map(OperationDescriptor::name).toList();
    }

    private static OperationHandler effect(String appliedBefore, String notYetApplied) {
        return ctx -> {
            if (!Tables.exists(ctx.dataSource(), appliedBefore)) {
                throw new IllegalStateException(ctx.name() + " ran before the migration creating " + appliedBefore);
            }
            if (notYetApplied != null && Tables.exists(ctx.dataSource(), notYetApplied)) {
                throw new IllegalStateException(ctx.name() + " ran after the migration creating " + notYetApplied);
            }
            Connection c = ctx.connection();
            try (PreparedStatement ps = c.prepareStatement("insert into effects (op_name) values (?)")) {
                ps.setString(1, ctx.name());
                ps.executeUpdate();
            }
        };
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            status = run(args[0], args[1]);
        } catch (Throwable t) {
            System.out.println("FAILED " + t);
            t.printStackTrace(System.out);
        }
        System.out.flush();
        System.exit(status);
    }

    private static int run(String url, String mode) throws Exception {
        boolean migrate = switch (mode) {
            case "migrate" -> true;
            case "process" -> false;
            default -> throw new IllegalArgumentException("mode must be migrate or process: " + mode);
        };
        try (Sequencer sequencer = Sequencer.configure()
                .property("sequencer.url", url)
                .property("sequencer.flyway.locations", "classpath:db/cluster")
                .property("sequencer.lock.timeout", "90s")
                .strategy(migrate ? "migration" : "command")
                .registry(operations())
                .load()) {
            try (Connection c = sequencer.dataSource().getConnection()) {
                c.isValid(5); // connect before the start signal, so that both nodes start their runs together
            }
            System.out.println("READY " + mode);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (in.readLine() == null) {
                throw new IllegalStateException("no start signal");
            }
            RunReport report = migrate ? sequencer.migrate() : sequencer.process();
            for (RunReport.Step step : report.steps()) {
                System.out.println("RAN " + step.kind() + " " + step.outcome() + " " + step.name());
            }
            System.out.println("DONE " + mode);
            return 0;
        }
    }
}
