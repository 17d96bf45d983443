package dev.sequencer.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a {@code dev.sequencer.DeferredHandler} for work created at run time with {@code Sequencer.defer(alias, payload, dueAt)}. The alias, not the class name, is stored with each deferred task, so classes can be renamed. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Deferred {
    /** {@return the stable alias of the handler} */
    String value();
}
