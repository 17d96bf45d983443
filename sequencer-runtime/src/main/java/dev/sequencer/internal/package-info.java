/**
 * Sequencer's internals; nothing here is API and anything may change with any version. {@link
 * dev.sequencer.internal.SequencerRuntime} builds what a {@code Sequencer} runs on. The packages below, by concern:
 *
 * <ul>
 *   <li>{@code config}: settings from properties, environment and files; the connection pool.
 *   <li>{@code engine}: runs of operations under the Sequencer lock: what is pending, what is due, in which order,
 *       booking, compensation, plans, status, info and the operator's records.
 *   <li>{@code execution}: one attempt of one operation, by the protocol every path shares.
 *   <li>{@code flyway}: interleaving with Flyway's {@code migrate}.
 *   <li>{@code async}: the asynchronous backend on db-scheduler: dispatch, workers, deferred tasks.
 *   <li>{@code store}: the history tables. {@code lock}: the Sequencer lock. {@code guard}: guards.
 *       {@code registry}: decoding and discovering generated registries. {@code message}: the
 *       messages users read, each with a stable id.
 * </ul>
 *
 * <p>Dependencies point one way: {@code flyway} and {@code async} use {@code engine}, which uses {@code execution},
 * which uses {@code store} and {@code config}; none of them is used by what it uses.
 */
package dev.sequencer.internal;
