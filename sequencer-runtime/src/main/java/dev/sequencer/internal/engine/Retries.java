package dev.sequencer.internal.engine;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.SequencerException;
import dev.sequencer.internal.execution.Execution;
import dev.sequencer.internal.execution.OperationExecutor;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code @Retry} in a run: attempts of an operation until one does not fail or they are used up, with the backoff. */
final class Retries {

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    private final OperationExecutor executor;

    Retries(OperationExecutor executor) {
        this.executor = executor;
    }

    /** The last attempt of an operation and its number. */
    record Attempted(Execution execution, int attempt) {}

    /**
     * Runs attempts of {@code op} from attempt number {@code first}, pausing by its backoff; safe to call from several
     * threads.
     *
     * @param onRetry told of each failed attempt that is retried
     */
    Attempted attempt(OperationDescriptor op, int first, Consumer<Attempted> onRetry) {
        int attempt = first;
        Execution execution = executor.execute(op, attempt);
        while (execution.outcome() == Execution.Outcome.FAILED
                && attempt - first + 1 < op.policy().attempts()) {
            onRetry.accept(new Attempted(execution, attempt));
            int done = attempt - first + 1;
            Duration delay = op.policy().delayBefore(done + 1);
            LOG.warn(
                    "Operation {} failed on attempt {} of {}: {}; retrying in {} ms",
                    op.name(),
                    done,
                    op.policy().attempts(),
                    execution.reason(),
                    delay.toMillis());
            pause(delay);
            attempt++;
            execution = executor.execute(op, attempt);
        }
        return new Attempted(execution, attempt);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SequencerException("Interrupted while waiting to retry an operation");
        }
    }
}
