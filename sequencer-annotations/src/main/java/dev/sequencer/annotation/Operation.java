package dev.sequencer.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a one-time operation. The class must be a public, non-abstract top-level or static nested class
 * that implements {@code dev.sequencer.OperationHandler}.
 *
 * <p>The annotation processor {@code dev.sequencer.processor.SequencerProcessor} reads this annotation at compile
 * time and writes the ordered registry {@code GeneratedSequencer}; nothing reads it at run time.
 *
 * <pre>{@code
 * @Operation(timestamp = "2024_01_02_000000")
 * public final class SeedAdminUser implements OperationHandler {
 *     public void handle(OperationContext ctx) throws Exception { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Operation {

    /**
     * {@return when the operation was written, as {@code yyyy_MM_dd_HHmmss} ({@code "2024_01_02_000000"}) or fourteen
     * digits ({@code "20240102000000"})} Operations run in timestamp order, then by name, and are interleaved with Flyway
     * migrations whose versions are timestamps.
     */
    String timestamp();

    /**
     * {@return the operation's name, its key in the history table} Defaults to the timestamp followed by the snake_case simple
     * class name, for example {@code 2024_01_02_000000_seed_admin_user}.
     */
    String name() default "";

    /** {@return a human description, shown in status output and events} */
    String description() default "";

    /** {@return tags for selecting operations, for example {@code process} with tags {@code billing}} */
    String[] tags() default {};

    /**
     * {@return the operations that must be {@code completed} before this one runs} Each must come earlier in the order.
     */
    Class<?>[] dependsOn() default {};

    /**
     * {@return a Flyway migration version (for example {@code "2.1"}) right after which this operation runs} For
     * projects whose migration versions are not timestamps. Empty means: place by timestamp.
     */
    String afterMigration() default "";

    /**
     * {@return whether the operation runs in one transaction together with its {@code completed} record (the
     * default)} A non-transactional operation is recorded {@code running} before and {@code completed} after it runs.
     */
    boolean transactional() default true;
}
