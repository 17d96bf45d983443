package dev.sequencer.internal.execution;

import dev.sequencer.internal.message.RuntimeMessage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connection an operation sees. For a transactional operation it refuses what would end the transaction that its
 * work shares with its {@code completed} row ({@code commit}, {@code rollback}, {@code setAutoCommit(true)},
 * {@code close}, {@code abort}, and releasing or rolling back to a savepoint Sequencer made), with an
 * {@link SQLException} saying why, so the operation fails cleanly and nothing of it is applied. Statements and
 * metadata it hands out lead back to it, not to the raw connection. Whatever the operation, it remembers the
 * statements made through it, so that a time limit can {@linkplain #cancelStatements() cancel} the one running.
 * {@code unwrap} still reaches the driver's connection, for driver APIs such as PostgreSQL's {@code COPY}.
 */
final class OperationConnection implements InvocationHandler {

    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final Connection target;
    private final String operation;
    private final boolean transactional;
    private final Set<Savepoint> ours;
    private final List<Statement> statements = new CopyOnWriteArrayList<>();
    private final Connection proxy;

    private OperationConnection(Connection target, String operation, boolean transactional, Set<Savepoint> ours) {
        this.target = target;
        this.operation = operation;
        this.transactional = transactional;
        this.ours = ours;
        this.proxy = (Connection) Proxy.newProxyInstance(
                OperationConnection.class.getClassLoader(), new Class<?>[] {Connection.class}, this);
    }

    /** The guarded connection of a transactional operation; {@code ours} are the savepoints Sequencer made on it. */
    static OperationConnection transactional(Connection target, String operation, Set<Savepoint> ours) {
        return new OperationConnection(target, operation, true, ours);
    }

    /** The connection of a non-transactional operation: full control, statements remembered. */
    static OperationConnection plain(Connection target, String operation) {
        return new OperationConnection(target, operation, false, Set.of());
    }

    /** The connection to hand to the operation. */
    Connection connection() {
        return proxy;
    }

    /** Cancels every statement made through this connection that is still open (one may be running). */
    void cancelStatements() {
        for (Statement s : statements) {
            try {
                if (!s.isClosed()) {
                    s.cancel();
                }
            } catch (SQLException | RuntimeException e) {
                // closed meanwhile, or the driver cannot cancel: aborting the connection follows
            }
        }
    }

    @Override
    public Object invoke(Object p, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return p == args[0];
            case "hashCode":
                return System.identityHashCode(p);
            case "toString":
                return "connection of operation " + operation;
            default:
                break;
        }
        if (transactional) {
            refuseWhatEndsTheTransaction(name, args);
        }
        Object result = call(target, method, args);
        if (STATEMENT_FACTORIES.contains(name) && result instanceof Statement statement) {
            statements.add(statement);
            return leadingBack(statement, method.getReturnType());
        }
        if (name.equals("getMetaData") && result instanceof DatabaseMetaData metaData) {
            return leadingBack(metaData, DatabaseMetaData.class);
        }
        return result;
    }

    private void refuseWhatEndsTheTransaction(String name, Object[] args) throws SQLException {
        String refused = switch (name) {
            case "commit", "close", "abort" -> name + "()";
            case "rollback" -> args == null || ours.contains(args[0]) ? "rollback()" : null;
            case "releaseSavepoint" -> ours.contains(args[0]) ? "releaseSavepoint() of Sequencer's savepoint" : null;
            case "setAutoCommit" -> Boolean.TRUE.equals(args[0]) ? "setAutoCommit(true)" : null;
            default -> null;
        };
        if (refused != null) {
            throw new SQLException(RuntimeMessage.CONNECTION_CALL_REFUSED.format(operation, refused), "25000");
        }
    }

    /** {@code object} with its {@code getConnection()} answering this operation connection. */
    private Object leadingBack(Object object, Class<?> type) {
        Class<?> api = type == CallableStatement.class
                        || type == PreparedStatement.class
                        || type == Statement.class
                        || type == DatabaseMetaData.class
                ? type
                : Statement.class;
        return Proxy.newProxyInstance(OperationConnection.class.getClassLoader(), new Class<?>[] {api}, (p, m, a) -> {
            if (m.getName().equals("getConnection") && (a == null || a.length == 0)) {
                return proxy;
            }
            if (m.getName().equals("close") && (a == null || a.length == 0)) {
                statements.remove(object);
            }
            return call(object, m, a);
        });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
