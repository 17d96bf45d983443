package dev.sequencer.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/** Runs B1 with JMH's Runner API and turns its results into table rows. */
final class B1Runner {

    private B1Runner() {}

    static List<Row> run(Config config) throws Exception {
        List<String> sizes = new ArrayList<>(List.of("1000"));
        List<Row> rows = new ArrayList<>();
        boolean big = !config.smoke() && Registries.load(Registries.BIG).size() == 10_000;
        if (big) {
            sizes.add("10000");
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(B1Discovery.class.getName() + "\\.")
                .param("size", sizes.toArray(new String[0]))
                .forks(config.forks())
                .warmupIterations(config.smoke() ? 0 : Integer.getInteger("bench.b1.warmup", 3))
                .measurementIterations(config.smoke() ? 1 : Integer.getInteger("bench.b1.iterations", 5))
                .timeUnit(TimeUnit.MILLISECONDS)
                .jvmArgsAppend("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .shouldFailOnError(true)
                .verbosity(config.smoke() ? VerboseMode.SILENT : VerboseMode.NORMAL);
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Statistics> stats = new TreeMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            stats.put(
                    method + "@" + r.getParams().getParam("size"),
                    r.getPrimaryResult().getStatistics());
        }
        for (String size : sizes) {
            Sample registry = sample(stats.get("registry@" + size));
            rows.add(new Row(
                    "B1",
                    "generated registry (cold) vs its limit: the same entries read from a jar and decoded",
                    String.format("%,d", Integer.parseInt(size)),
                    registry,
                    sample(stats.get("limit@" + size)),
                    "ms",
                    false,
                    2,
                    null));
            rows.add(new Row(
                    "B1",
                    "ClassGraph scan vs generated registry (cold)",
                    String.format("%,d", Integer.parseInt(size)),
                    sample(stats.get("classgraph@" + size)),
                    registry,
                    "ms",
                    true,
                    100,
                    null));
            rows.add(new Row(
                    "B1",
                    "Flyway Java-migration scan (info) vs registry",
                    String.format("%,d", Integer.parseInt(size)),
                    sample(stats.get("flyway@" + size)),
                    registry,
                    "ms",
                    true,
                    100,
                    null));
        }
        if (!big) {
            rows.add(Row.skipped(
                    "B1",
                    "discovery at 10,000",
                    "10,000",
                    config.smoke() ? "smoke run" : "the 10,000-operation set is built only with -Pfull"));
        }
        return rows;
    }

    /** JMH keeps every single-shot measurement; median and min–max over all forks and iterations. */
    private static Sample sample(Statistics s) {
        if (s == null) {
            return null;
        }
        double[] values = new double[(int) s.getN()];
        // Statistics has no accessor for raw values; median and extremes are enough for the table.
        java.util.Arrays.fill(values, s.getPercentile(50));
        if (values.length >= 2) {
            values[0] = s.getMin();
            values[values.length - 1] = s.getMax();
        }
        return new Sample(values);
    }
}
