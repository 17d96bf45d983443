package dev.sequencer.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Splits an {@link Asynchronous} {@link Operation} that implements {@code dev.sequencer.PartitionedOperation} into
 * partitions that the workers of every node run in parallel, each exactly once: a backfill that outgrows one node.
 * Without {@link Asynchronous} (or when asynchronous operations run inline) its partitions run one after the other in
 * the run's thread.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Partitioned {

    /**
     * {@return at most this many partitions of the operation run at once, across all workers and nodes} So a backfill
     * cannot saturate the database; partitions beyond it wait. {@code 0}: no limit beyond the workers' threads.
     */
    int concurrency() default 0;
}
