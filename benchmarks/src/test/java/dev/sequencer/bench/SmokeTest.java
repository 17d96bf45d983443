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
        for (String id : List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B11")) {
            assertTrue(rows.stream().anyMatch(r -> r.id().equals(id)), id + " missing:\n" + text);
        }
        assertTrue(rows.stream().noneMatch(r -> r.note() != null && r.note().startsWith("FAILED")), text);
        for (Row row : rows) {
            assertEquals(Row.HEADER.size(), row.cells().size());
        }
        long measured =
                rows.stream().filter(r -> r.a() != null && r.b() != null).count();
        assertTrue(measured >= 8, "expected measured H2 rows:\n" + text);
        assertTrue(config.smoke());
    }
}
