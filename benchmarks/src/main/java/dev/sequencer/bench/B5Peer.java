package dev.sequencer.bench;

import com.google.auto.value.AutoValue;
import com.google.auto.value.processor.AutoValueProcessor;
import dev.sequencer.OperationHandler;
import dev.sequencer.annotation.Operation;
import dev.sequencer.processor.SequencerProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * B5 next to a peer: two modules of N sources (default 2,000) that share N - N/10 plain classes; in one the other
 * N/10 are operations, in the other {@code @AutoValue} classes (AutoValue 1.11.1). Each is compiled in process
 * (javax.tools, as {@link B5CompileTime} does) with its processor ({@code -processorpath}, {@code -processor}) and
 * with {@code -proc:none}; the four compiles of a round rotate their order. Both processors generate sources, so
 * both pay javac's extra round. The third row compares the overheads themselves: per round, the processor compile
 * minus the {@code -proc:none} compile of the same module.
 */
final class B5Peer {

    private B5Peer() {}

    static List<Row> run(Config config) throws Exception {
        int n = config.b5();
        int processed = n / 10;
        int reps = Math.max(1, Integer.getInteger("bench.b5.reps", config.smoke() ? 1 : 3));
        Path work = Files.createTempDirectory("bench-b5peer");
        try {
            List<Path> withOps = B5CompileTime.extract(work.resolve("seq"), "bench-b5mix", "index-sequencer.txt", n);
            List<Path> withValues = B5CompileTime.extract(work.resolve("av"), "bench-b5mix", "index-autovalue.txt", n);
            String classPath = B5CompileTime.classPath(
                    OperationHandler.class, Operation.class, org.flywaydb.core.Flyway.class, AutoValue.class);
            List<String> sequencer = List.of(
                    "-processorpath",
                    B5CompileTime.classPath(
                            SequencerProcessor.class, com.palantir.javapoet.JavaFile.class, Operation.class),
                    "-processor",
                    SequencerProcessor.class.getName(),
                    "-Asequencer.package=bench.mix");
            List<String> autoValue = List.of(
                    "-processorpath",
                    B5CompileTime.classPath(AutoValueProcessor.class, AutoValue.class),
                    "-processor",
                    AutoValueProcessor.class.getName());
            String firstValue = "bench/mix/AutoValue_Value" + String.format("%05d", 9) + ".java";
            int[] out = {0};
            List<Harness.Trial> trials = List.of(
                    () -> B5CompileTime.compile(
                            withOps, next(work, out), classPath, sequencer, "bench/mix/GeneratedSequencer.java"),
                    () -> B5CompileTime.compile(withOps, next(work, out), classPath, List.of("-proc:none"), null),
                    () -> B5CompileTime.compile(withValues, next(work, out), classPath, autoValue, firstValue),
                    () -> B5CompileTime.compile(withValues, next(work, out), classPath, List.of("-proc:none"), null));
            Sample[] s = Harness.rotate(config.warmup(), reps, trials);
            String count = String.format("%,d of %,d", processed, n);
            return List.of(
                    new Row(
                            "B5",
                            "javac, operations among plain sources: processor vs -proc:none",
                            count,
                            s[0],
                            s[1],
                            "ms",
                            false,
                            Double.NaN,
                            null),
                    new Row(
                            "B5",
                            "javac, @AutoValue among plain sources: AutoValue vs -proc:none",
                            count,
                            s[2],
                            s[3],
                            "ms",
                            false,
                            Double.NaN,
                            null),
                    new Row(
                            "B5",
                            "processor overhead (with - without): Sequencer vs AutoValue",
                            count,
                            difference(s[0], s[1]),
                            difference(s[2], s[3]),
                            "ms",
                            false,
                            1.0,
                            "overhead per round = processor compile - -proc:none compile of the same module"));
        } finally {
            B5CompileTime.delete(work);
        }
    }

    private static Path next(Path work, int[] out) {
        return work.resolve("out" + out[0]++);
    }

    /** Round by round, {@code with - without}. */
    private static Sample difference(Sample with, Sample without) {
        double[] d = new double[with.values().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = with.values()[i] - without.values()[i];
        }
        return new Sample(d);
    }
}
