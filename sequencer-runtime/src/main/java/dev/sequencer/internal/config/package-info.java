/**
 * Configuration: {@code sequencer.*} keys from system properties, {@code SEQUENCER_*} environment variables and
 * {@code sequencer.properties} ({@link dev.sequencer.internal.config.ConfigurationSource}), validated into {@link
 * dev.sequencer.internal.config.SequencerSettings} before anything touches the database; the connection pool created
 * from {@code sequencer.url}, and how connection failures are told apart and worded.
 */
package dev.sequencer.internal.config;
