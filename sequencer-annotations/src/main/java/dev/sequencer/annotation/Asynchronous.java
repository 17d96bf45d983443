package dev.sequencer.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an {@link Operation} on Sequencer's durable asynchronous backend instead of inline: a run records it
 * {@code dispatched} and a worker on any node executes it. Only valid together with {@link Operation}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Asynchronous {}
