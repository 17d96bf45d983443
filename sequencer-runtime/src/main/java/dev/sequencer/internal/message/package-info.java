/** The messages users read from the runtime, each with a stable id ({@link dev.sequencer.internal.message.RuntimeMessage}). */
package dev.sequencer.internal.message;
