/**
 * Flyway's side: {@link dev.sequencer.internal.flyway.MigrationInterleaver} runs operations between migrations from
 * Flyway's callbacks (the lock taken in {@code beforeMigrate}, operations before each migration and after the last),
 * {@link dev.sequencer.internal.flyway.MigrationLock} holds the Sequencer lock around a migrate that runs no
 * operation, and {@link dev.sequencer.internal.flyway.FlywayRunner} builds the Flyway configuration Sequencer
 * migrates with.
 */
package dev.sequencer.internal.flyway;
