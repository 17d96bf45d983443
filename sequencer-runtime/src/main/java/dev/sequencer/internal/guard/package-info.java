/** Guards that may block every run on a machine: host names and addresses from configuration, and custom ones. */
package dev.sequencer.internal.guard;
