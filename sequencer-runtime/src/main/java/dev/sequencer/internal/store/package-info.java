/**
 * The history tables, {@code <prefix>operations} (one row per attempt) and {@code <prefix>operation_errors}: all
 * their SQL is in {@link dev.sequencer.internal.store.OperationStore}; {@link dev.sequencer.internal.store.Dialect}
 * keeps the differences between databases in one place.
 */
package dev.sequencer.internal.store;
