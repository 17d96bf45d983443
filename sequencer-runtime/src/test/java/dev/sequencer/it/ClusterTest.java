package dev.sequencer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sequencer.support.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 5 "Locking, multi-node" across processes: two JVMs ({@link ClusterNode}) against one database, started
 * together, one running {@code migrate()} under the migration strategy and the other {@code process()} under the
 * command strategy. Every migration and every operation must be applied exactly once, without deadlock. Several
 * rounds per database, alternating which node is started first, each on a freshly emptied database of its own.
 */
class ClusterTest {

    static final String DATABASE = "seq_cluster";
    /** Rounds per database; raise {@code -Dsequencer.test.cluster.rounds} to hunt races. */
    static final int ROUNDS = Integer.getInteger("sequencer.test.cluster.rounds", 3);

    static final long NODE_TIMEOUT_SECONDS = 120;

    @Test
    void postgresql() throws Exception {
        scenario(TestDatabase.postgres(), TestDatabase.POSTGRES_URL);
    }

    @Test
    void mariadb() throws Exception {
        scenario(TestDatabase.mariadb(), TestDatabase.MARIADB_URL);
    }

    private static void scenario(Optional<TestDatabase> configured, String property) throws Exception {
        Assumptions.assumeTrue(configured.isPresent(), property + " is not set");
        TestDatabase isolated = configured.get().isolated(DATABASE);
        for (int round = 1; round <= ROUNDS; round++) {
            round(isolated.fresh(), round);
        }
    }

    private static void round(TestDatabase db, int round) throws Exception {
        boolean migrateFirst = round % 2 == 1;
        Node first = Node.start(db.url(), migrateFirst ? "migrate" : "process");
        Node second = Node.start(db.url(), migrateFirst ? "process" : "migrate");
        List<Node> nodes = List.of(first, second);
        try {
            for (Node node : nodes) {
                if (!node.ready.await(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    fail(db + " round " + round + ": " + node.mode + " node never got ready" + outputs(nodes));
                }
            }
            for (Node node : nodes) {
                node.go();
            }
            for (Node node : nodes) {
                if (!node.process.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    fail(db + " round " + round + ": " + node.mode + " node did not finish within "
                            + NODE_TIMEOUT_SECONDS + " s (deadlock?)" + threadDump(node) + outputs(nodes));
                }
            }
            for (Node node : nodes) {
                node.drained.await(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            for (Node node : nodes) {
                node.process.destroyForcibly();
            }
        }
        String context = db + " round " + round + outputs(nodes);
        for (Node node : nodes) {
            assertEquals(0, node.process.exitValue(), node.mode + " node exit code; " + context);
        }

        assertEquals(5, db.count("select count(*) from flyway_schema_history where version is not null"), context);
        assertEquals(
                5, db.count("select count(distinct version) from flyway_schema_history where success = true"), context);
        Map<String, Long> expected = new TreeMap<>();
        ClusterNode.operationNames().forEach(name -> expected.put(name, 1L));
        assertEquals(expected, counts(db, "select op_name, count(*) from effects group by op_name"), context);
        assertEquals(
                expected,
                counts(db, "select name, count(*) from sequencer_operations where state = 'completed' group by name"),
                context);
        assertEquals(10, db.count("select count(*) from sequencer_operations"), "no other history rows; " + context);

        List<String> ran = new ArrayList<>();
        nodes.forEach(node -> ran.addAll(node.operationsCompleted()));
        Collections.sort(ran);
        assertEquals(List.copyOf(expected.keySet()), ran, "operations the nodes' reports completed; " + context);
    }

    private static Map<String, Long> counts(TestDatabase db, String sql) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static String outputs(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            out.append("\n--- ").append(node.mode).append(" node output ---\n");
            node.output.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private static String threadDump(Node node) {
        try {
            Process jstack = new ProcessBuilder(
                            System.getProperty("java.home") + "/bin/jstack", Long.toString(node.process.pid()))
                    .redirectErrorStream(true)
                    .start();
            String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jstack.waitFor(30, TimeUnit.SECONDS);
            return "\n--- " + node.mode + " node threads ---\n" + dump;
        } catch (IOException | InterruptedException e) {
            return "\n(no thread dump: " + e + ")";
        }
    }

    /** A node JVM whose output is collected line by line. */
    private static final class Node {
        final String mode;
        final Process process;
        final List<String> output = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch drained = new CountDownLatch(1);

        private Node(String mode, Process process) {
            this.mode = mode;
            this.process = process;
        }

        static Node start(String url, String mode) throws IOException {
            Process process = new ProcessBuilder(
                            System.getProperty("java.home") + "/bin/java",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ClusterNode.class.getName(),
                            url,
                            mode)
                    .redirectErrorStream(true)
                    .start();
            Node node = new Node(mode, process);
            Thread reader = new Thread(node::drain, "cluster-node-" + mode + "-output");
            reader.setDaemon(true);
            reader.start();
            return node;
        }

        private void drain() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    if (line.startsWith("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                output.add("(output lost: " + e + ")");
            } finally {
                ready.countDown(); // a node that died before READY fails on its exit code
                drained.countDown();
            }
        }

        void go() {
            try {
                OutputStream in = process.getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                output.add("(no start signal: " + e + ")"); // the node died; its exit code says so
            }
        }

        List<String> operationsCompleted() {
            Function<String, String> name = line -> line.substring("RAN OPERATION COMPLETED ".length());
            synchronized (output) {
                return output.stream()
                        .filter(line -> line.startsWith("RAN OPERATION COMPLETED "))
                        .map(name)
                        .toList();
            }
        }
    }
}
