/**
 * The Sequencer lock, one database lock held on a connection of its own for a whole run: a PostgreSQL advisory lock,
 * a MySQL/MariaDB {@code GET_LOCK}, or a lock row selected {@code for update} elsewhere.
 */
package dev.sequencer.internal.lock;
