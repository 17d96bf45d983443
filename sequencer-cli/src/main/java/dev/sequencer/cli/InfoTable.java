package dev.sequencer.cli;

import dev.sequencer.InfoEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/**
 * The {@code info} table, aligned for reading at a glance as {@code flyway info} is: kind, name, state, when (UTC),
 * attempts, detail.
 */
final class InfoTable {

    private static final String[] HEADINGS = {"kind", "name", "state", "when (UTC)", "attempts", "detail"};

    private InfoTable() {}

    static void print(PrintWriter out, List<InfoEntry> entries, boolean colour) {
        if (entries.isEmpty()) {
            out.println("No migrations and no operations.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (InfoEntry entry : entries) {
            rows.add(new String[] {
                entry.kind().name().toLowerCase(Locale.ROOT),
                entry.name(),
                entry.state(),
                HumanTime.instant(entry.time()),
                entry.kind() == InfoEntry.Kind.OPERATION && entry.attempts() > 0
                        ? Integer.toString(entry.attempts())
                        : "",
                entry.detail() == null ? "" : ErrorReporter.oneLine(entry.detail())
            });
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        Ansi ansi = colour ? Ansi.ON : Ansi.OFF;
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths, ansi, r == 0));
        }
        out.flush();
    }

    private static String line(String[] row, int[] widths, Ansi ansi, boolean heading) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            String cell = i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]);
            if (heading) {
                line.append(ansi.string("@|bold " + cell + "|@"));
            } else if (i == 2) {
                line.append(ansi.string("@|" + colour(row[i]) + " " + cell + "|@"));
            } else {
                line.append(cell);
            }
        }
        return line.toString().stripTrailing();
    }

    private static String colour(String state) {
        return switch (state) {
            case "success", "completed" -> "green";
            case "failed", "lost", "unknown" -> "red,bold";
            case "pending", "waiting", "running", "dispatched" -> "yellow";
            default -> "faint";
        };
    }
}
