package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.internal.config.SettingKeys;
import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.internal.store.HistoryRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the history against the registry, as Flyway refuses to migrate when its history holds a migration it does
 * not know: a name in the history that no registry knows is a problem (an operation class renamed after it ran would
 * otherwise run again under its new name). Names matching {@code sequencer.validate.ignore-unknown} belong to other
 * applications sharing the database and are left alone.
 */
final class HistoryValidation {

    private static final Pattern NAME_TIMESTAMP = Pattern.compile("^(\\d{4})_(\\d{2})_(\\d{2})_(\\d{6})_");

    private final List<OperationDescriptor> registry;
    private final Map<String, OperationDescriptor> byName = new TreeMap<>();
    private final List<Pattern> ignored = new ArrayList<>();

    HistoryValidation(List<OperationDescriptor> registry, List<String> ignoreUnknown) {
        this.registry = registry;
        registry.forEach(op -> byName.put(op.name(), op));
        for (String glob : ignoreUnknown) {
            ignored.add(Pattern.compile(glob.chars()
                    .mapToObj(ch -> ch == '*' ? ".*" : Pattern.quote(String.valueOf((char) ch)))
                    .reduce("", String::concat)));
        }
    }

    /** The problems of {@code history} (the newest row of every name in it), in name order. */
    List<String> problems(Map<String, HistoryRow> history) {
        List<String> problems = new ArrayList<>();
        for (HistoryRow row : new TreeMap<>(history).values()) {
            if (!byName.containsKey(row.name())
                    && ignored.stream().noneMatch(p -> p.matcher(row.name()).matches())) {
                problems.add(unknown(row, history));
            }
        }
        return problems;
    }

    private String unknown(HistoryRow row, Map<String, HistoryRow> history) {
        String name = row.name();
        StringBuilder problem = new StringBuilder(
                RuntimeMessage.HISTORY_NAME_UNKNOWN.format(name, row.state().dbValue()));
        OperationDescriptor likely = likelyNewName(row, history);
        if (likely != null) {
            problem.append(" '")
                    .append(likely.name())
                    .append("' (")
                    .append(likely.className())
                    .append(") is probably its new name: it has the same ")
                    .append(likely.className().equals(row.className()) ? "class" : "timestamp")
                    .append(
                            " and has never run, so it would run again. Pin the old name on it with @Operation(name = \"")
                    .append(name)
                    .append("\").");
        } else {
            problem.append(" If it was renamed, pin the old name on it with @Operation(name = \"")
                    .append(name)
                    .append("\").");
        }
        problem.append(" If another application sharing this database owns it, add it to ")
                .append(SettingKeys.VALIDATE_IGNORE_UNKNOWN)
                .append('.');
        return problem.toString();
    }

    /** A registry operation that has never run and has the history row's class, or else its timestamp. */
    private OperationDescriptor likelyNewName(HistoryRow row, Map<String, HistoryRow> history) {
        OperationDescriptor sameTimestamp = null;
        String timestamp = timestampOf(row.name());
        for (OperationDescriptor op : registry) {
            if (history.containsKey(op.name())) {
                continue;
            }
            if (op.className().equals(row.className())) {
                return op;
            }
            if (sameTimestamp == null && op.timestamp().equals(timestamp)) {
                sameTimestamp = op;
            }
        }
        return sameTimestamp;
    }

    /** The fourteen digits a derived name starts with ({@code 2024_01_02_000000_...}), or {@code null}. */
    private static String timestampOf(String name) {
        Matcher m = NAME_TIMESTAMP.matcher(name);
        return m.find() ? m.group(1) + m.group(2) + m.group(3) + m.group(4) : null;
    }
}
