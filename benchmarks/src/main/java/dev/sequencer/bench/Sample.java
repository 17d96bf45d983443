package dev.sequencer.bench;

import java.util.Arrays;
import java.util.Locale;

/** Measured values (milliseconds unless said otherwise): median and spread. */
record Sample(double[] values) {

    static Sample of(double... values) {
        return new Sample(values.clone());
    }

    double median() {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** Subtracts {@code amount} from every value (for fixed costs), then divides by {@code per}. */
    Sample minusThenPer(double amount, double per) {
        return new Sample(Arrays.stream(values).map(v -> (v - amount) / per).toArray());
    }

    /** "12.3 ms [11.9–13.0]". */
    String describe(String unit) {
        return format(median()) + " " + unit + " [" + format(min()) + "–" + format(max()) + "]";
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
