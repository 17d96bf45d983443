package dev.sequencer.internal.execution;

import dev.sequencer.ConditionalExecution;
import dev.sequencer.LifecycleHooks;
import dev.sequencer.OperationContext;
import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.SkipOperationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operation's side of one attempt, the same on every execution path: build the operation, ask whether it runs
 * ({@link ConditionalExecution}, {@link SkipOperationException}), call {@code before()} and {@code handle()}; then,
 * once the outcome is recorded, {@code after()} or {@code failed()}. A hook that throws after the outcome is recorded
 * is logged and changes nothing.
 */
final class HandlerCall {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerCall.class);

    private final OperationDescriptor op;
    private final Instantiation instantiation;
    private final OperationContext context;
    private OperationHandler handler;

    HandlerCall(OperationDescriptor op, Instantiation instantiation, OperationContext context) {
        this.op = op;
        this.instantiation = instantiation;
        this.context = context;
    }

    /**
     * Builds the operation and runs it.
     *
     * @return why it skipped itself, or {@code null} when {@code handle()} ran to the end
     */
    String run() throws Exception {
        handler = instantiation.operation(op);
        try {
            if (handler instanceof ConditionalExecution conditional && !conditional.shouldRun(context)) {
                String reason = conditional.skipReason();
                return reason == null || reason.isBlank() ? "shouldRun() returned false" : reason;
            }
            if (handler instanceof LifecycleHooks hooks) {
                hooks.before(context);
            }
            handler.handle(context);
            return null;
        } catch (SkipOperationException e) {
            return e.reason();
        }
    }

    /** The operation instance, or {@code null} when building it failed. */
    OperationHandler handler() {
        return handler;
    }

    /** Tells the operation it completed and its work is committed. */
    void completed() {
        if (handler instanceof LifecycleHooks hooks) {
            try {
                hooks.after(context);
            } catch (Throwable e) {
                LOG.warn("after() of operation {} failed; the operation stays completed", op.name(), e);
            }
        }
    }

    /** Tells the operation it failed and its work was rolled back. */
    void failed(Throwable error) {
        if (handler instanceof LifecycleHooks hooks) {
            try {
                hooks.failed(context, error);
            } catch (Throwable e) {
                LOG.warn("failed() of operation {} threw", op.name(), e);
            }
        }
    }
}
