package dev.sequencer.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A time limit: exceeding it fails the operation with a timeout error and rolls back its transaction. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Timeout {
    /** {@return the limit, written {@code 500ms}, {@code 30s}, {@code 2m} or {@code PT30S}} */
    String value();
}
