package dev.sequencer.bench;

import java.util.List;
import java.util.Locale;

/**
 * One line of the final table. The ratio is always median A / median B; the target says which way it must go.
 *
 * @param note printed under the table, e.g. why a row was skipped
 */
record Row(
        String id,
        String comparison,
        String n,
        Sample a,
        Sample b,
        String unit,
        boolean atLeast,
        double target,
        String note) {

    static Row skipped(String id, String comparison, String n, String why) {
        return new Row(id, comparison, n, null, null, "", false, Double.NaN, why);
    }

    double ratio() {
        return a == null || b == null ? Double.NaN : a.median() / b.median();
    }

    String targetText() {
        return Double.isNaN(target) ? "-" : (atLeast ? "≥ " : "≤ ") + Sample.format(target);
    }

    String met() {
        if (a == null || b == null) {
            return "n/a";
        }
        if (Double.isNaN(target)) {
            return "info";
        }
        return (atLeast ? ratio() >= target : ratio() <= target) ? "yes" : "NO";
    }

    static final List<String> HEADER = List.of(
            "id",
            "comparison (A vs B)",
            "N",
            "median A [min–max]",
            "median B [min–max]",
            "ratio A/B",
            "target",
            "met?");

    List<String> cells() {
        return List.of(
                id,
                comparison,
                n,
                a == null ? "skipped" : a.describe(unit),
                b == null ? "skipped" : b.describe(unit),
                Double.isNaN(ratio()) ? "-" : String.format(Locale.ROOT, ratio() >= 10 ? "%.0f" : "%.2f", ratio()),
                targetText(),
                met());
    }
}
