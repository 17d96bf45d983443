/**
 * Runs of operations. {@link dev.sequencer.internal.engine.Engine} opens a {@link
 * dev.sequencer.internal.engine.RunSession} under the Sequencer lock; {@link
 * dev.sequencer.internal.engine.PendingRules} decides what is pending (for runs, plans and status alike), {@link
 * dev.sequencer.internal.engine.Due} when it is due relative to migrations, an {@link
 * dev.sequencer.internal.engine.Orchestration} in which order and on which threads; {@link
 * dev.sequencer.internal.engine.RunBook} books what happened and {@link dev.sequencer.internal.engine.Compensation}
 * undoes a failed run's rollbackable operations. {@link dev.sequencer.internal.engine.Planner} makes dry-run plans,
 * {@link dev.sequencer.internal.engine.InfoReport} the {@code info()} entries, {@link
 * dev.sequencer.internal.engine.HistoryValidation} checks the history against the registry and {@link
 * dev.sequencer.internal.engine.OperatorActions} records baselines, skips and completions by hand.
 */
package dev.sequencer.internal.engine;
