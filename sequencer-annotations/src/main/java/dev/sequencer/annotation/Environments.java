package dev.sequencer.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs only where {@code sequencer.environment} matches one of these names ({@code *} matches any characters, e.g. {@code staging-*}); elsewhere the operation is recorded {@code skipped} with the reason. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Environments {
    /** {@return the environment names or patterns} */
    String[] value();
}
