package dev.sequencer.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints the rows as an aligned text table (and the same as Markdown, for BENCHMARKS.md). */
final class Table {

    private Table() {}

    static void print(List<Row> rows, PrintStream out) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(Row.HEADER);
        rows.forEach(r -> lines.add(r.cells()));
        int[] width = new int[Row.HEADER.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("+").append("-".repeat(w + 2));
        }
        rule.append("+");
        out.println(rule);
        for (int l = 0; l < lines.size(); l++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String cell = lines.get(l).get(i);
                sb.append("| ").append(cell).append(" ".repeat(width[i] - cell.length() + 1));
            }
            out.println(sb.append("|"));
            if (l == 0) {
                out.println(rule);
            }
        }
        out.println(rule);
        for (Row r : rows) {
            if (r.note() != null && !r.note().isEmpty()) {
                out.println("  " + r.id() + " (" + r.n() + "): " + r.note());
            }
        }
    }

    static void printMarkdown(List<Row> rows, PrintStream out) {
        out.println("| " + String.join(" | ", Row.HEADER) + " |");
        out.println("|" + "---|".repeat(Row.HEADER.size()));
        for (Row r : rows) {
            out.println("| " + String.join(" | ", r.cells()) + " |");
        }
    }
}
