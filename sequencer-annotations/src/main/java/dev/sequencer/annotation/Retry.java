package dev.sequencer.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Attempts in all and the delays between them; when one attempt fails, the operation runs again after the next delay (the last delay repeats). Each attempt is a row in the history table. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Retry {
    /** {@return the attempts in all, at least 1} */
    int attempts() default 3;

    /**
     * {@return the delays between attempts, written {@code 500ms}, {@code 30s}, {@code 2m} or {@code PT30S}} The last
     * one repeats. Empty: no delay.
     */
    String[] backoff() default {};
}
