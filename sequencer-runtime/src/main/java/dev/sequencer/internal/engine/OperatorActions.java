package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationState;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.execution.Transactions;
import dev.sequencer.internal.lock.SequencerLock;
import dev.sequencer.internal.message.RuntimeMessage;
import dev.sequencer.internal.store.Attempt;
import dev.sequencer.internal.store.HistoryRow;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator records by hand, under the Sequencer lock and without running anything: a baseline when adopting
 * Sequencer on an existing database, and {@code skipped} or {@code completed} for an operation that can never succeed
 * or was done by hand. Each is a history row with the reason and who wrote it ({@code operator:<user>@<host>}).
 */
public final class OperatorActions {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorActions.class);

    private final Engine engine;

    public OperatorActions(Engine engine) {
        this.engine = engine;
    }

    /**
     * Records every registry operation at or before {@code timestamp} that has no history row as {@code completed}
     * with reason {@code baseline}, without running it.
     *
     * @return their names, in order
     */
    public List<String> baseline(String timestamp) {
        String digits = Timestamps.parse(timestamp, "The baseline timestamp");
        return underLock("baseline", (c, history, rules) -> {
            List<String> baselined = new ArrayList<>();
            Instant now = Instant.now();
            for (OperationDescriptor op : engine.registry()) {
                if (op.timestamp().compareTo(digits) <= 0 && !history.containsKey(op.name())) {
                    engine.store()
                            .insert(
                                    c,
                                    new Attempt(
                                            op.name(),
                                            op.className(),
                                            OperationState.COMPLETED,
                                            1,
                                            who(),
                                            "baseline",
                                            now,
                                            now));
                    baselined.add(op.name());
                }
            }
            LOG.info("Baselined {} operation(s) at or before {}: {}", baselined.size(), timestamp, baselined);
            return baselined;
        });
    }

    /** Records {@code name}, pending or failed, {@code skipped} with {@code reason}, without running it. */
    public void skip(String name, String reason) {
        record(name, OperationState.SKIPPED, reason, "skip");
    }

    /** Records {@code name}, pending or failed, {@code completed} with {@code reason}, without running it. */
    public void markCompleted(String name, String reason) {
        record(name, OperationState.COMPLETED, reason, "mark completed");
    }

    private void record(String name, OperationState state, String reason, String action) {
        OperationDescriptor op = engine.operation(name);
        if (op == null) {
            throw new SequencerException("Cannot " + action + " '" + name + "': no operation of this Sequencer's"
                    + " registries has that name; see status() for the names it knows");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Cannot " + action + " " + name + " without a reason: say why, for"
                    + " those who read the history later");
        }
        underLock(action, (c, history, rules) -> {
            PendingRules.Verdict verdict = rules.verdict(op);
            HistoryRow row = history.get(name);
            if (!verdict.pending()) {
                String now = (row == null ? "pending" : row.state().dbValue())
                        + (verdict.why() == null
                                        || row == null
                                        || verdict.why().equals(row.state().dbValue())
                                ? ""
                                : " (" + verdict.why() + ")");
                throw new SequencerException(RuntimeMessage.RECORD_REFUSED.format(action, name, now));
            }
            Instant now = Instant.now();
            int attempt = row == null ? 1 : row.attempts() + 1;
            engine.store()
                    .insert(c, new Attempt(name, op.className(), state, attempt, who(), reason.strip(), now, now));
            LOG.info("Operation {} recorded {} by hand: {}", name, state.dbValue(), reason.strip());
            return null;
        });
    }

    private interface Action<T> {
        T run(Connection c, Map<String, HistoryRow> history, PendingRules rules) throws SQLException;
    }

    /** Runs {@code action} in one transaction under the Sequencer lock, with the history as it is then. */
    private <T> T underLock(String what, Action<T> action) {
        try (SequencerLock lock = engine.acquireLock(engine.settings().lockTimeout())) {
            Connection c = engine.dataSource().getConnection();
            Throwable failure = null;
            try {
                engine.store().createTablesIfAbsent(c);
                Map<String, HistoryRow> history = engine.store().latest(c);
                Set<String> tasks =
                        engine.mayBelongToTheBackend(history) ? engine.backend().operationTasks() : Set.of();
                c.setAutoCommit(false);
                T result = action.run(c, history, new PendingRules(history, tasks, true, false));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                failure = e;
                Transactions.rollBack(c, e);
                throw e;
            } finally {
                Transactions.close(c, failure);
            }
        } catch (SQLException e) {
            throw new SequencerException(
                    "Cannot " + what + ": " + e.getMessage() + " (nothing was recorded; check the database)", e);
        }
    }

    /** {@code operator:<user>@<host>}: who recorded a row by hand. */
    private static String who() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return "operator:" + System.getProperty("user.name", "unknown") + "@" + host;
    }
}
