/**
 * The compile-time annotations of Sequencer. They are read by the annotation processor only; the runtime never
 * reflects on them.
 */
package dev.sequencer.annotation;
