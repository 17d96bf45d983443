package dev.sequencer.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain harness for whole-process figures: warm-up rounds, then measured rounds; in every round A and B run
 * one after the other (alternating which goes first), so that noise from other processes hits both alike.
 */
final class Harness {

    /** One timed trial; it sets itself up, and returns only the time of the part being measured, in nanoseconds. */
    @FunctionalInterface
    interface Trial {
        long run() throws Exception;
    }

    private Harness() {}

    /** Samples of A and B, in milliseconds. */
    static Sample[] compare(Config config, Trial a, Trial b) throws Exception {
        return compare(config.warmup(), config.reps(), a, b);
    }

    static Sample[] compare(int warmup, int reps, Trial a, Trial b) throws Exception {
        List<Double> as = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        for (int round = 0; round < warmup + reps; round++) {
            double ta;
            double tb;
            if (round % 2 == 0) {
                ta = a.run() / 1e6;
                tb = b.run() / 1e6;
            } else {
                tb = b.run() / 1e6;
                ta = a.run() / 1e6;
            }
            if (round >= warmup) {
                as.add(ta);
                bs.add(tb);
            }
            System.gc();
        }
        return new Sample[] {sample(as), sample(bs)};
    }

    /**
     * Samples of several trials, in milliseconds: in round {@code r} they run one after the other starting with trial
     * {@code r mod n}, so that each goes first equally often.
     */
    static Sample[] rotate(Config config, List<Trial> trials) throws Exception {
        return rotate(config.warmup(), config.reps(), trials);
    }

    static Sample[] rotate(int warmup, int reps, List<Trial> trials) throws Exception {
        int n = trials.size();
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(new ArrayList<>());
        }
        for (int round = 0; round < warmup + reps; round++) {
            for (int k = 0; k < n; k++) {
                int i = (round + k) % n;
                double t = trials.get(i).run() / 1e6;
                if (round >= warmup) {
                    values.get(i).add(t);
                }
                System.gc();
            }
        }
        Sample[] samples = new Sample[n];
        for (int i = 0; i < n; i++) {
            samples[i] = sample(values.get(i));
        }
        return samples;
    }

    static Sample measure(Config config, Trial a) throws Exception {
        List<Double> as = new ArrayList<>();
        for (int round = 0; round < config.warmup() + config.reps(); round++) {
            double ta = a.run() / 1e6;
            if (round >= config.warmup()) {
                as.add(ta);
            }
            System.gc();
        }
        return sample(as);
    }

    private static Sample sample(List<Double> values) {
        return new Sample(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
        System.out.flush();
    }
}
