package dev.sequencer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole harness once at N=10 (H2 only, B1 in process with one JMH iteration) and checks the shape of the
 * table. Never asserts a time.
 */
class SmokeTest {

    @Test
    void printsTheTableOfEveryBenchmark() throws Exception {
        System.setProperty("bench.smoke", "true");
        Config config = Config.fromSystemProperties();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<Row> rows;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            rows = BenchMain.run(
                    new Config(true, 0, 1, 0, null, "", 10, 10, 10, 10, 10, new int[] {10, 20, 40}, 10_000, ""), out);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertTrue(
                text.lines().anyMatch(line -> line.matches("\\| id +\\| comparison \\(A vs B\\) +\\| N +\\|.*")),
                "no table header:\n" + text);
        for (String id : List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10", "B11")) {
            assertTrue(rows.stream().anyMatch(r -> r.id().equals(id)), id + " missing:\n" + text);
        }
        // The issue-17 rows, measured on H2: B8 (whole process), B9 (and its no-migrations row), B10 (and the migration
        // strategy row), and B5's three peer rows next to the original one.
        assertEquals(1, measured(rows, "B8"), text);
        assertEquals(2, measured(rows, "B9"), text);
        assertEquals(2, measured(rows, "B10"), text);
        assertEquals(4, measured(rows, "B5"), text);
        assertTrue(
                rows.stream()
                        .anyMatch(r -> r.id().equals("B5")
                                && r.comparison().contains("Sequencer vs AutoValue")
                                && r.targetText().equals("≤ 1.00")),
                text);
        assertTrue(rows.stream().noneMatch(r -> r.note() != null && r.note().startsWith("FAILED")), text);
        for (Row row : rows) {
            assertEquals(Row.HEADER.size(), row.cells().size());
        }
        long measured =
                rows.stream().filter(r -> r.a() != null && r.b() != null).count();
        assertTrue(measured >= 8, "expected measured H2 rows:\n" + text);
        assertTrue(config.smoke());
    }

    private static long measured(List<Row> rows, String id) {
        return rows.stream()
                .filter(r -> r.id().equals(id) && r.a() != null && r.b() != null)
                .count();
    }
}
